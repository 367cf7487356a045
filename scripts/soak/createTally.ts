import type { Vendor } from '../../shared/callModel';
import type { CreateRecord, CreateVerdict, Report } from './protocol';

/**
 * Which number a call-creating request dials, as a key both sides can compute: the last
 * eight digits (every soak intent dials a number of its own, unique in its last digits).
 */
export function numberKey(number: string): string {
  return number.replace(/\D/g, '').slice(-8);
}

/** The number a vendor's call-creating request dials, read from its path or body. */
export function dialledNumber(vendor: Vendor, path: string, body: string): string | undefined {
  switch (vendor) {
    case 'genesys':
      return /"phoneNumber"\s*:\s*"([^"]+)"/.exec(body)?.[1];
    case 'huawei':
      return /"called"\s*:\s*"([^"]+)"/.exec(body)?.[1];
    case 'vonage':
      return /"telephoneNumber"\s*:\s*"([^"]+)"/i.exec(body)?.[1];
    case 'iovox':
      return /<call_destination>\s*([0-9,]+)\s*<\/call_destination>/.exec(body)?.[1]?.split(',')[0];
    case 'oracle':
      return /^\/call\/2\.0\/[^/]+\/([^/]+)$/.exec(path)?.[1];
  }
}

/**
 * How the vendor answered, from its own answer: a call was placed; or the request was refused
 * in a way that proves it was never processed (Vonage 401, Huawei 000-003/100-006), the only
 * cases where the adapters send it again; or refused; or no answer at all.
 */
export function createVerdict(vendor: Vendor, status: number | undefined, body: string): CreateVerdict {
  if (status === undefined) return 'no-answer';
  switch (vendor) {
    case 'genesys':
      return status === 200 && /"statusCode"\s*:\s*0\b/.test(body) ? 'placed' : 'refused';
    case 'huawei': {
      const retcode = /"retcode"\s*:\s*"([^"]*)"/.exec(body)?.[1];
      if (status === 200 && retcode === '0') return 'placed';
      return retcode === '000-003' || retcode === '100-006' ? 'refused-before-processing' : 'refused';
    }
    case 'vonage':
      if (status === 201) return 'placed';
      return status === 401 ? 'refused-before-processing' : 'refused';
    case 'iovox':
      return status === 201 ? 'placed' : 'refused';
    case 'oracle':
      return status === 200 && /"session[iI]d"\s*:\s*"[A-Za-z0-9]+"/.test(body) ? 'placed' : 'refused';
  }
}

/** What the vendor did with one intent: its answers to the requests, and the calls its own state holds (where it names numbers). */
export interface IntentTruth {
  verdicts: CreateVerdict[];
  placedByState: number | undefined;
}

/** The intents of every vendor, keyed `vendor:number`: the same digits at two vendors are two intents. */
export function intentTruths(report: Pick<Report, 'creates' | 'placed'>): Map<string, IntentTruth> {
  const truths = new Map<string, IntentTruth>();
  const truthOf = (vendor: Vendor, key: string): IntentTruth => {
    const id = `${vendor}:${key}`;
    const known = truths.get(id) ?? { verdicts: [], placedByState: report.placed[vendor] === undefined ? undefined : 0 };
    truths.set(id, known);
    return known;
  };
  for (const [vendor, records] of Object.entries(report.creates) as Array<[Vendor, CreateRecord[]]>) {
    for (const record of records) truthOf(vendor, record.key).verdicts.push(record.verdict);
  }
  for (const [vendor, counts] of Object.entries(report.placed) as Array<[Vendor, Record<string, number> | undefined]>) {
    for (const [key, count] of Object.entries(counts ?? {})) truthOf(vendor, key).placedByState = count;
  }
  return truths;
}

/** Calls placed for an intent: the vendor's own state where it has one, else the answers that said so. */
export function placedCount(truth: IntentTruth): number {
  return truth.placedByState ?? truth.verdicts.filter((verdict) => verdict === 'placed').length;
}

/** True when the vendor certainly placed no call for the intent (its state, or only refusals for answers). */
export function surelyNotPlaced(truth: IntentTruth | undefined): boolean {
  if (truth === undefined) return true;
  if (truth.placedByState !== undefined) return truth.placedByState === 0;
  return truth.verdicts.every((verdict) => verdict === 'refused' || verdict === 'refused-before-processing');
}

export interface DuplicateCount {
  /** Calls placed beyond the first for one intent. */
  extraCalls: number;
  /** Requests sent for an intent after one that may have placed its call. */
  repeatedRequests: number;
  /** Intents with either. */
  duplicates: number;
}

/**
 * Exactly once: for each intent (number), at most one call placed, and no request after one
 * the vendor may have processed. A repeat after a proven refusal is allowed.
 */
export function countDuplicates(truths: Iterable<IntentTruth>): DuplicateCount {
  let extraCalls = 0;
  let repeatedRequests = 0;
  let duplicates = 0;
  for (const truth of truths) {
    const { verdicts } = truth;
    const placed = placedCount(truth);
    const firstOpen = verdicts.findIndex((verdict) => verdict !== 'refused-before-processing');
    const repeats = firstOpen < 0 ? 0 : verdicts.length - firstOpen - 1;
    extraCalls += Math.max(0, placed - 1);
    repeatedRequests += repeats;
    if (placed > 1 || repeats > 0) duplicates += 1;
  }
  return { extraCalls, repeatedRequests, duplicates };
}
