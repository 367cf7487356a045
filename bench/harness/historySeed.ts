import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { CallRecord, CallState, Vendor } from '../../shared/callModel';
import { HistoryEntrySchema, type HistoryEntry } from '../../shared/history';

/** The sandbox profiles (electron/core/config/sandboxConfig.ts): the shell the memory figure runs in. */
const PROFILES: readonly { id: Vendor; label: string; raw: readonly [string, string, string] }[] = [
  { id: 'genesys', label: 'Genesys (sandbox)', raw: ['Dialing', 'Established', 'Released'] },
  { id: 'huawei', label: 'Huawei (sandbox)', raw: ['AgentEvent_Customer_Alerting', 'AgentEvent_Talking', 'AgentEvent_Call_Release'] },
  { id: 'vonage', label: 'Vonage (sandbox)', raw: ['accepted', 'Active', 'Success · Normal'] },
  { id: 'iovox', label: 'IOVOX (sandbox)', raw: ['201', '201', 'accepted'] },
  { id: 'oracle', label: 'Oracle Click-to-Call (sandbox)', raw: ['initiated', 'connected', 'disconnected'] },
];

const MINUTE = 60_000;

/**
 * The `index`-th of a realistic day's worth of calls: the five sandbox profiles in turn,
 * one in seven busy (failed, with the vendor's words), IOVOX accepted without progress, the
 * rest answered and ended; each with its timeline and what a redial needs.
 */
export function historyEntry(index: number, newestAt: number): HistoryEntry {
  const profile = PROFILES[index % PROFILES.length] as (typeof PROFILES)[number];
  const createdAt = newestAt - (index + 1) * 2 * MINUTE;
  const number = `+4411349${String(index % 100_000).padStart(5, '0')}`;
  const failed = index % 7 === 3 && profile.id !== 'iovox';
  const final: CallState = profile.id === 'iovox' ? 'accepted' : failed ? 'failed' : 'ended';
  const [first, middle, last] = profile.raw;
  const timeline: CallRecord['timeline'] = [
    { state: 'requested', at: createdAt, rawState: 'requested', sourceEvent: 'Dial requested by the user' },
    { state: final === 'accepted' ? 'accepted' : 'dialing', at: createdAt + 180, rawState: first, sourceEvent: first },
    ...(final === 'ended' ? [{ state: 'connected' as const, at: createdAt + 9_000, rawState: middle, sourceEvent: middle }] : []),
    ...(final === 'accepted' ? [] : [{ state: final, at: createdAt + (failed ? 20_000 : 190_000), rawState: last, sourceEvent: last }]),
  ];
  const target = { kind: 'phone' as const, input: `0${number.slice(3)}`, number };
  const call: CallRecord = {
    id: randomUUID(),
    profileId: profile.id,
    vendor: profile.id,
    vendorCallId: `${profile.id}-${index}`,
    direction: 'outbound',
    target,
    state: final,
    timeline,
    actions: [],
    ...(failed ? { failure: { code: 'BUSY', message: 'The called party is busy.', hint: 'Try again later.' } } : {}),
    createdAt,
  };
  const lastEntry = timeline[timeline.length - 1] as CallRecord['timeline'][number];
  return { call, profileLabel: profile.label, recordedAt: lastEntry.at, recordedWhen: 'final', redial: { profileId: profile.id, target } };
}

/** Writes `count` entries, oldest first, in the history file's format (one JSON line each), each checked against the schema. */
export function seedHistory(file: string, count: number, newestAt = Date.now()): void {
  const lines: string[] = [];
  for (let index = count - 1; index >= 0; index -= 1) lines.push(JSON.stringify(HistoryEntrySchema.parse(historyEntry(index, newestAt))));
  writeFileSync(file, `${lines.join('\n')}\n`);
}
