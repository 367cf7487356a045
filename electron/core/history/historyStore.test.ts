import { appendFileSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CallRecord, CallState } from '../../../shared/callModel';
import { HistoryEntrySchema, type HistoryEntry } from '../../../shared/history';
import { createLogger } from '../log/logger';
import { HistoryStore } from './historyStore';

const log = createLogger();

function entry(n: number, overrides: Partial<CallRecord> = {}, profileLabel = 'Genesys EU'): HistoryEntry {
  const state: CallState = overrides.state ?? 'ended';
  const number = `+4420720${String(n).padStart(5, '0')}`;
  return {
    call: {
      id: `call-${n}`,
      profileId: 'gws',
      vendor: 'genesys',
      direction: 'outbound',
      target: { kind: 'phone', input: number, number },
      state,
      timeline: [
        { state: 'requested', at: n, rawState: 'requested', sourceEvent: 'Dial requested by the user' },
        { state, at: n + 1, rawState: state === 'ended' ? 'Released' : 'Failed', sourceEvent: 'StatusChange' },
      ],
      actions: [],
      createdAt: n,
      ...overrides,
    },
    profileLabel,
    recordedAt: n + 2,
    recordedWhen: 'final',
    redial: { profileId: 'gws', target: { kind: 'phone', input: number, number } },
  };
}

function tempFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'softphone-history-')), 'history.jsonl');
}

function fileEntries(file: string): HistoryEntry[] {
  const text = readFileSync(file, 'utf8');
  expect(text.endsWith('\n')).toBe(true);
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => HistoryEntrySchema.parse(JSON.parse(line)));
}

describe('history store', () => {
  it('appends one JSON line per call, durably, and reads them back newest first after a restart', async () => {
    const file = tempFile();
    const store = new HistoryStore(file, log);
    expect(store.append(entry(1))).toBe(true);
    expect(store.append(entry(2))).toBe(true);
    expect(store.append(entry(1))).toBe(false);
    await store.close();
    expect(fileEntries(file).map((e) => e.call.id)).toEqual(['call-1', 'call-2']);

    const reopened = new HistoryStore(file, log);
    expect(reopened.list()).toEqual({ entries: [entry(2), entry(1)], total: 2 });
    await reopened.close();
  });

  it('writes a burst of appends from one tick together, losing none', async () => {
    const file = tempFile();
    const store = new HistoryStore(file, log);
    for (let n = 0; n < 300; n += 1) store.append(entry(n));
    await store.flush();
    expect(fileEntries(file)).toHaveLength(300);
    await store.close();
  });

  it('ignores a partial last line left by a crash, and cuts it off before the next append', async () => {
    const file = tempFile();
    writeFileSync(file, `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}\n${JSON.stringify(entry(3)).slice(0, 40)}`);
    const store = new HistoryStore(file, log);
    expect(store.partialTailDropped).toBe(true);
    expect(store.list().entries.map((e) => e.call.id)).toEqual(['call-2', 'call-1']);

    store.append(entry(4));
    await store.close();
    expect(fileEntries(file).map((e) => e.call.id)).toEqual(['call-1', 'call-2', 'call-4']);
    const reopened = new HistoryStore(file, log);
    expect(reopened.partialTailDropped).toBe(false);
    expect(reopened.size).toBe(3);
    await reopened.close();
  });

  it('keeps a whole last record whose newline never made it, and adds the newline before the next', async () => {
    const file = tempFile();
    writeFileSync(file, `${JSON.stringify(entry(1))}\n${JSON.stringify(entry(2))}`);
    const store = new HistoryStore(file, log);
    expect(store.size).toBe(2);
    store.append(entry(3));
    await store.close();
    expect(fileEntries(file).map((e) => e.call.id)).toEqual(['call-1', 'call-2', 'call-3']);
  });

  it('skips damaged lines in the middle and keeps the rest', async () => {
    const file = tempFile();
    writeFileSync(file, `${JSON.stringify(entry(1))}\nnot json at all\n{"call":{"id":"x"}}\n${JSON.stringify(entry(2))}\n`);
    const store = new HistoryStore(file, log);
    expect(store.skippedLines).toBe(2);
    expect(store.list().entries.map((e) => e.call.id)).toEqual(['call-2', 'call-1']);
    await store.close();
  });

  it('creates the file only with owner permissions', async () => {
    const file = tempFile();
    const store = new HistoryStore(file, log);
    store.append(entry(1));
    await store.close();
    expect(readdirSync(join(file, '..'))).toEqual(['history.jsonl']);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('loads 10,000 entries and pages and searches them in memory', async () => {
    const file = tempFile();
    const lines: string[] = [];
    for (let n = 0; n < 10_000; n += 1) {
      lines.push(JSON.stringify(n === 4_242 ? entry(n, { state: 'failed', failure: { code: 'VENDOR_REJECTED', message: 'Invalid destination number 99' } }) : entry(n)));
    }
    appendFileSync(file, `${lines.join('\n')}\n`);
    const store = new HistoryStore(file, log);
    expect(store.size).toBe(10_000);

    const firstPage = store.list({ limit: 50 });
    expect(firstPage.total).toBe(10_000);
    expect(firstPage.entries.map((e) => e.call.id).slice(0, 2)).toEqual(['call-9999', 'call-9998']);
    const laterPage = store.list({ offset: 9_990, limit: 50 });
    expect(laterPage.entries.map((e) => e.call.id)).toEqual(['call-9', 'call-8', 'call-7', 'call-6', 'call-5', 'call-4', 'call-3', 'call-2', 'call-1', 'call-0']);

    expect(store.list({ query: 'invalid destination' })).toMatchObject({ total: 1, entries: [{ call: { id: 'call-4242' } }] });
    expect(store.list({ query: '+442072004242' }).entries.map((e) => e.call.id)).toEqual(['call-4242']);
    await store.close();
  });

  const searchCases: Array<[string, HistoryEntry, string, boolean]> = [
    ['the E.164 number', entry(1), '+442072000001', true],
    ['the number’s digits', entry(1), '4420720000', true],
    ['the number as typed', entry(1, { target: { kind: 'phone', input: '020 7200 0001', number: '+442072000001' } }), '020 7200', true],
    ['post-dial digits', entry(1, { target: { kind: 'phone', input: '5001', number: '5001', postDial: '1234#' } }), '1234#', true],
    ['the agent id', entry(1, { target: { kind: 'agent', agentId: '4567', name: 'Sam Agent' } }), 'agent 4567', true],
    ['the agent’s name', entry(1, { target: { kind: 'agent', agentId: '4567', name: 'Sam Agent' } }), 'sam', true],
    ['the profile label', entry(1, {}, 'Huawei Paris'), 'paris', true],
    ['the outcome label', entry(1, { state: 'unknown' }), 'outcome unknown', true],
    ['the outcome', entry(1, { state: 'failed' }), 'FAILED', true],
    ['the vendor’s message', entry(1, { state: 'failed', failure: { code: 'VENDOR_REJECTED', message: 'Destination busy' } }), 'busy', true],
    ['the vendor’s raw state', entry(1), 'released', true],
    ['all words, in any order', entry(1, { state: 'failed', failure: { code: 'X', message: 'Destination busy' } }), 'busy genesys', true],
    ['a word that is not there', entry(1), 'vonage', false],
    ['one word missing among several', entry(1), 'released vonage', false],
  ];
  it.each(searchCases)('search matches %s', async (_name, item, query, expected) => {
    const store = new HistoryStore(tempFile(), log);
    store.append(item);
    expect(store.list({ query }).total).toBe(expected ? 1 : 0);
    await store.close();
  });
});
