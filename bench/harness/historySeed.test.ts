import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryEntrySchema } from '../../shared/history';
import { historyEntry, seedHistory } from './historySeed';

describe('seedHistory', () => {
  it('writes one valid history entry per line, oldest first, ending in a newline', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'bench-history-')), 'history.jsonl');
    seedHistory(file, 50, 1_800_000_000_000);
    const text = readFileSync(file, 'utf8');
    expect(text.endsWith('\n')).toBe(true);
    const entries = text.trimEnd().split('\n').map((line) => HistoryEntrySchema.parse(JSON.parse(line)));
    expect(entries).toHaveLength(50);
    const created = entries.map((entry) => entry.call.createdAt);
    expect(created).toEqual([...created].sort((a, b) => a - b));
  });

  it('varies profiles and outcomes as a working day would', () => {
    const entries = Array.from({ length: 70 }, (_, index) => historyEntry(index, 1_800_000_000_000));
    expect(new Set(entries.map((entry) => entry.call.profileId))).toEqual(new Set(['genesys', 'huawei', 'vonage', 'iovox', 'oracle']));
    expect(new Set(entries.map((entry) => entry.call.state))).toEqual(new Set(['ended', 'failed', 'accepted']));
    for (const entry of entries) expect(entry.call.timeline.at(-1)?.state).toBe(entry.call.state);
    expect(entries.filter((entry) => entry.call.state === 'failed').every((entry) => entry.call.failure?.message)).toBe(true);
  });
});
