import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HistoryEntrySchema } from '../../../shared/history';
import { HistoryStore } from '../history/historyStore';
import { createLogger } from '../log/logger';
import { runAndKill } from './testSupport/crashChild';

/**
 * Call history is append-only and fsynced per record: an app killed while calls are being
 * written keeps, after a restart, every entry the store had reported on disk; at most the
 * last, partial line is lost, and the next append goes on cleanly after it.
 */

const log = createLogger();
const APPENDER = new URL('./testSupport/historyAppender.ts', import.meta.url);
const random = (below: number): number => Math.floor(Math.random() * below);

/** Byte offset just past the line holding entry `id`. */
function endOfLine(bytes: Buffer, id: string): number {
  const at = bytes.indexOf(`"id":"${id}"`);
  expect(at).toBeGreaterThanOrEqual(0);
  return bytes.indexOf(0x0a, at) + 1;
}

describe('call history under crashes', () => {
  it('keeps every flushed entry through kills mid-write, loses at most the partial last line, and appends after it', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'softphone-history-crash-')), 'history.jsonl');
    const lastFlushed: Array<[prefix: string, count: number]> = [];
    let tornTails = 0;

    for (let cycle = 1; cycle <= 5; cycle += 1) {
      const prefix = `run${cycle}`;
      const { acknowledged } = await runAndKill(APPENDER, [file, prefix], { minLines: 1 + random(3), delayMs: random(30) });
      const last = acknowledged.at(-1) ?? '';
      lastFlushed.push([prefix, Number(last.slice(prefix.length + 1))]);

      // A kill cannot split one write(2), but a power cut tears the batch that was on its way:
      // every other run, keep only the start of what followed the last flushed entry (or, when
      // nothing did, of a copy of an entry), as the disk would after one.
      if (cycle % 2 === 0) {
        const bytes = readFileSync(file);
        const flushedEnd = endOfLine(bytes, last);
        const pending = bytes.length > flushedEnd ? bytes.subarray(flushedEnd) : bytes.subarray(0, bytes.indexOf(0x0a) + 1);
        writeFileSync(file, Buffer.concat([bytes.subarray(0, flushedEnd), pending.subarray(0, 1 + random(pending.length - 1))]));
        tornTails += 1;
      }

      const store = new HistoryStore(file, log);
      expect(store.skippedLines).toBe(0);
      for (const [earlier, count] of lastFlushed) {
        for (let n = 1; n <= count; n += 1) expect(store.has(`${earlier}-${n}`), `${earlier}-${n}`).toBe(true);
      }
      await store.close();
    }

    const store = new HistoryStore(file, log);
    const before = store.size;
    const entry = HistoryEntrySchema.parse(JSON.parse(readFileSync(file, 'utf8').split('\n')[0] ?? '{}'));
    expect(store.append({ ...entry, call: { ...entry.call, id: 'after-the-crashes' } })).toBe(true);
    await store.close();

    const reopened = new HistoryStore(file, log);
    expect(reopened.size).toBe(before + 1);
    expect(reopened.has('after-the-crashes')).toBe(true);
    expect(reopened.skippedLines).toBe(0);
    expect(reopened.partialTailDropped).toBe(false);
    // Every line on disk is a whole entry, and no entry was written twice.
    const lines = readFileSync(file, 'utf8').split('\n').filter((line) => line !== '');
    const ids = lines.map((line) => HistoryEntrySchema.parse(JSON.parse(line)).call.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(tornTails).toBe(2);
    await reopened.close();
  }, 60_000);
});
