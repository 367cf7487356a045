import type { Vendor } from '../../shared/callModel';
import type { CreateRecord, CreateVerdict } from './protocol';

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
export function countDuplicates(records: readonly CreateRecord[]): DuplicateCount {
  const byKey = new Map<string, CreateVerdict[]>();
  for (const record of records) byKey.set(record.key, [...(byKey.get(record.key) ?? []), record.verdict]);
  let extraCalls = 0;
  let repeatedRequests = 0;
  let duplicates = 0;
  for (const verdicts of byKey.values()) {
    const placed = verdicts.filter((verdict) => verdict === 'placed').length;
    const firstOpen = verdicts.findIndex((verdict) => verdict !== 'refused-before-processing');
    const repeats = firstOpen < 0 ? 0 : verdicts.length - firstOpen - 1;
    extraCalls += Math.max(0, placed - 1);
    repeatedRequests += repeats;
    if (placed > 1 || repeats > 0) duplicates += 1;
  }
  return { extraCalls, repeatedRequests, duplicates };
}
