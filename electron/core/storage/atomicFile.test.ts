import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from './atomicFile';
import { runAndKill } from './testSupport/crashChild';

const folder = (): string => mkdtempSync(join(tmpdir(), 'softphone-atomic-'));
const temps = (dir: string): string[] => readdirSync(dir).filter((name) => name.endsWith('.tmp'));

/** A process id that is certainly not running: one that has just exited. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']);
  return Number(child.stdout.toString());
}

describe('writeFileAtomic', () => {
  it('writes the content with mode 0600 and leaves nothing beside it', () => {
    const dir = folder();
    const file = join(dir, 'settings.json');
    writeFileAtomic(file, '{"a":1}');
    writeFileAtomic(file, Buffer.from('{"a":2}'));
    expect(readFileSync(file, 'utf8')).toBe('{"a":2}');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['settings.json']);
  });

  it('keeps the old file, and removes its temp file, when the write fails', () => {
    const dir = folder();
    const file = join(dir, 'target');
    mkdirSync(file);
    writeFileSync(join(file, 'inside'), 'old');
    // Renaming a file over a non-empty folder fails after the temp file was written and synced.
    expect(() => writeFileAtomic(file, 'new')).toThrow();
    expect(readFileSync(join(file, 'inside'), 'utf8')).toBe('old');
    expect(temps(dir)).toEqual([]);
  });

  it('never writes through something planted at a temp path', () => {
    const dir = folder();
    const file = join(dir, 'secrets.json');
    const victim = join(dir, 'victim');
    writeFileSync(victim, 'untouched');
    for (let i = 0; i < 20; i += 1) writeFileAtomic(file, `v${i}`);
    symlinkSync(victim, join(dir, `secrets.json.${process.pid}.aaaaaaaaaaaa.tmp`));
    writeFileAtomic(file, 'after');
    expect(readFileSync(victim, 'utf8')).toBe('untouched');
    expect(readFileSync(file, 'utf8')).toBe('after');
  });

  it('removes temp files a crashed writer left, and only those', () => {
    const dir = folder();
    const file = join(dir, 'preferences.json');
    const dead = join(dir, `preferences.json.${deadPid()}.0123456789ab.tmp`);
    const alive = join(dir, `preferences.json.${process.ppid}.0123456789ab.tmp`);
    const unrelated = join(dir, 'other.json.1.0123456789ab.tmp');
    for (const path of [dead, alive, unrelated]) writeFileSync(path, 'half');
    writeFileAtomic(file, 'whole');
    expect(existsSync(dead)).toBe(false);
    expect(existsSync(alive)).toBe(true);
    expect(existsSync(unrelated)).toBe(true);
  });

  it('leaves the old file whole when the writer is killed between writing and renaming', async () => {
    const dir = folder();
    const file = join(dir, 'settings.json');
    const size = 4 * 1024 * 1024;
    // Each rewrite spends nearly all its time writing and syncing the temp file, so a kill at a
    // random moment soon lands there; try until one does (a temp file is left behind).
    let caughtMidWrite = false;
    for (let attempt = 0; attempt < 40 && !caughtMidWrite; attempt += 1) {
      const { acknowledged } = await runAndKill(new URL('./testSupport/rewriteForever.ts', import.meta.url), [file, String(size)], {
        minLines: 1,
        delayMs: Math.floor(Math.random() * 60),
      });
      const lastWritten = Number(acknowledged.at(-1));
      const text = readFileSync(file, 'latin1');
      const newline = text.indexOf('\n');
      const { version } = JSON.parse(text.slice(0, newline)) as { version: number };
      // The file is the last version the writer finished, or the one it was renaming into place, whole.
      expect(version).toBeGreaterThanOrEqual(lastWritten);
      expect(version).toBeLessThanOrEqual(lastWritten + 1);
      expect(text.length - newline - 1).toBe(size);
      expect(text.slice(newline + 1)).toBe((version % 2 === 0 ? 'a' : 'b').repeat(size));
      caughtMidWrite = temps(dir).length > 0;
    }
    expect(caughtMidWrite).toBe(true);

    writeFileAtomic(file, 'next start');
    expect(readFileSync(file, 'utf8')).toBe('next start');
    expect(temps(dir)).toEqual([]);
  }, 60_000);
});
