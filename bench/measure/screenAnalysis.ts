import { STATE_LABELS, type CallRecord } from '../../shared/callModel';
import { callKeyIn, type EmittedChange, type ScreenObservation } from '../analysis/eventMatching';
import { toBenchClock, type ClockOffset } from '../harness/clock';
import { digitsOf } from '../harness/numbers';
import type { ProbeObservation } from '../harness/pageProbe';

/** The page's observations on the bench clock, keyed by the call each article names (others dropped). */
export function screenObservations(observations: readonly ProbeObservation[], knownKeys: ReadonlySet<string>, clock: ClockOffset): ScreenObservation[] {
  return observations.flatMap((observation) => {
    const callKey = callKeyIn(observation.name, knownKeys);
    return callKey === undefined ? [] : [{ callKey, label: observation.label, at: toBenchClock(observation.at, clock) }];
  });
}

/** The renderer's last copy of each followed call, by call key. */
export function recordsByKey(records: Iterable<CallRecord>, knownKeys: ReadonlySet<string>): Map<string, CallRecord> {
  const byKey = new Map<string, CallRecord>();
  for (const record of records) {
    if (record.target.kind !== 'phone') continue;
    const key = [record.target.number, record.target.input].map(digitsOf).find((digits) => knownKeys.has(digits));
    if (key !== undefined) byKey.set(key, record);
  }
  return byKey;
}

export const labelOf = (record: CallRecord | undefined): string | undefined => (record ? STATE_LABELS[record.state] : undefined);

export function keysOf(changes: readonly EmittedChange[]): Set<string> {
  return new Set(changes.map((change) => change.callKey));
}
