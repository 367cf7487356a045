import { writeSync } from 'node:fs';
import type { HistoryEntry } from '../../../../shared/history';
import { HistoryStore } from '../../history/historyStore';
import { createLogger } from '../../log/logger';

/**
 * Child process of the history crash test: appends entries `PREFIX-1`, `PREFIX-2`, … to the
 * real history store in bursts, as calls ending together would, and after each burst is on
 * disk (`flush`) prints the id of its last entry. Runs until killed.
 */
const [file, prefix] = process.argv.slice(2);
if (!file || !prefix) throw new Error('usage: historyAppender FILE PREFIX');

function historyEntry(id: string, n: number): HistoryEntry {
  const number = `+4420720${String(n % 100_000).padStart(5, '0')}`;
  return {
    call: {
      id,
      profileId: 'gws',
      vendor: 'genesys',
      direction: 'outbound',
      target: { kind: 'phone', input: number, number },
      state: 'ended',
      // A realistic timeline makes each line a few hundred bytes, so kills land inside lines too.
      timeline: ['requested', 'dialing', 'ringing', 'connected', 'held', 'connected', 'ended'].map((state, step) => ({
        state: state as HistoryEntry['call']['state'],
        at: n * 10 + step,
        rawState: state,
        sourceEvent: `StatusChange ${step} of call ${id}`,
      })),
      actions: [],
      createdAt: n,
    },
    profileLabel: 'Genesys EU',
    recordedAt: n + 1,
    recordedWhen: 'final',
    redial: { profileId: 'gws', target: { kind: 'phone', input: number, number } },
  };
}

const store = new HistoryStore(file, createLogger());
const BURST = 25;
for (let n = 1; ; n += BURST) {
  for (let i = n; i < n + BURST; i += 1) store.append(historyEntry(`${prefix}-${i}`, i));
  await store.flush();
  writeSync(1, `${prefix}-${n + BURST - 1}\n`);
}
