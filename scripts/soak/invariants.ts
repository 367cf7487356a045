import type { Vendor } from '../../shared/callModel';
import type { CallSummary } from './callTracker';
import { isSettled } from './callTracker';
import { placedCount, surelyNotPlaced, type DuplicateCount, type IntentTruth } from './createTally';
import type { ResourceCounts } from './resources';

/**
 * Vendors that give nothing to read back after a call request whose answer was lost: no call
 * id came back, and they have no call list (VCC, Oracle Click-to-Call, IOVOX). Such a call
 * stays `unknown` — the truth — and is not counted as stuck.
 */
export const NOT_READABLE_WITHOUT_ID: ReadonlySet<Vendor> = new Set<Vendor>(['vonage', 'oracle', 'iovox']);

/** The heap may grow by this much over a shift, plus the history index (all calls are kept in memory for search). */
export const HEAP_BUDGET_BYTES = 24 * 1024 * 1024;
export const HISTORY_BYTES_PER_CALL = 8 * 1024;

export interface CallOutcomes {
  final: number;
  /** Truthful unknowns the vendor gives no way to resolve. */
  unknownForGood: number;
  stuck: CallSummary[];
}

export function classifyCalls(calls: readonly CallSummary[]): CallOutcomes {
  let final = 0;
  let unknownForGood = 0;
  const stuck: CallSummary[] = [];
  for (const call of calls) {
    if (isSettled(call)) final += 1;
    else if (call.state === 'unknown' && !call.hasVendorCallId && NOT_READABLE_WITHOUT_ID.has(call.vendor)) unknownForGood += 1;
    else stuck.push(call);
  }
  return { final, unknownForGood, stuck };
}

/**
 * Failure codes that say the vendor refused the call. (Codes such as NOT_REPORTED say only
 * that no call was seen — not placed, or over before it was reported — and are true either way.)
 */
export const REFUSAL_CODES: ReadonlySet<string> = new Set(['VENDOR_REJECTED', 'RATE_LIMITED', 'AUTH_FAILED']);

/**
 * Calls whose record contradicts the vendor (its own answer to the request is the truth): a
 * refusal for a call it placed, or a call that went its course although it placed none.
 */
export function untruthfulCalls(calls: readonly CallSummary[], truths: ReadonlyMap<string, IntentTruth>): CallSummary[] {
  return calls.filter((call) => {
    const truth = truths.get(`${call.vendor}:${call.key}`);
    if (call.failureCode !== undefined && REFUSAL_CODES.has(call.failureCode)) return truth !== undefined && placedCount(truth) > 0;
    return (call.state === 'ended' || call.state === 'accepted') && call.failureCode === undefined && surelyNotPlaced(truth);
  });
}

export function heapBoundBytes(calls: number): number {
  return HEAP_BUDGET_BYTES + calls * HISTORY_BYTES_PER_CALL;
}

export interface SoakFigures {
  calls: number;
  outcomes: CallOutcomes;
  duplicates: DuplicateCount;
  untruthful: CallSummary[];
  leaked: ResourceCounts;
  heapStartBytes: number;
  heapEndBytes: number;
}

/** Every broken invariant, in words; none means the shift passed. */
export function brokenInvariants(figures: SoakFigures): string[] {
  const broken: string[] = [];
  if (figures.calls === 0) broken.push('no call was placed');
  if (figures.duplicates.duplicates > 0) {
    broken.push(`${figures.duplicates.duplicates} intents reached a vendor more than once (${figures.duplicates.extraCalls} extra calls, ${figures.duplicates.repeatedRequests} repeated requests)`);
  }
  if (figures.outcomes.stuck.length > 0) {
    const sample = figures.outcomes.stuck.slice(0, 5).map((call) => `${call.vendor} ${call.state}${call.failureCode ? ` (${call.failureCode})` : ''}`);
    broken.push(`${figures.outcomes.stuck.length} calls never reached a final state: ${sample.join(', ')}`);
  }
  if (figures.untruthful.length > 0) {
    const sample = figures.untruthful.slice(0, 5).map((call) => `${call.vendor} ${call.state}${call.failureCode ? ` (${call.failureCode})` : ''}`);
    broken.push(`${figures.untruthful.length} calls contradict what the vendor did: ${sample.join(', ')}`);
  }
  const leaked = Object.entries(figures.leaked);
  if (leaked.length > 0) broken.push(`resources left open: ${leaked.map(([kind, count]) => `${kind}×${count}`).join(', ')}`);
  const growth = figures.heapEndBytes - figures.heapStartBytes;
  const bound = heapBoundBytes(figures.calls);
  if (growth > bound) broken.push(`heap grew by ${mb(growth)} MB, more than the ${mb(bound)} MB allowed for ${figures.calls} calls`);
  return broken;
}

export const mb = (bytes: number): string => (bytes / (1024 * 1024)).toFixed(1);

/** The soak's last line, in the format the lead's scripts read. */
export function summaryLine(figures: SoakFigures, faults: number): string {
  return `soak: calls=${figures.calls} faults=${faults} duplicates=${figures.duplicates.duplicates} stuck=${figures.outcomes.stuck.length} heapStartMB=${mb(figures.heapStartBytes)} heapEndMB=${mb(figures.heapEndBytes)}`;
}
