import { randomBytes } from 'node:crypto';
import { closeSync, fsyncSync, openSync, readdirSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/**
 * Writes to a temp file beside `path`, fsyncs it, renames it over `path`, then fsyncs the
 * folder: readers, and a restart after a crash at any point, see the old file or the new one,
 * never half of either. A temp file left by a crashed writer is removed by the next write.
 */
export function writeFileAtomic(path: string, data: string | Buffer, mode = 0o600): void {
  removeStaleTemps(path);
  const temp = `${path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  // 'wx': never follow or reuse something already at the temp path (a planted symlink, say).
  const fd = openSync(temp, 'wx', mode);
  try {
    try {
      writeFully(fd, typeof data === 'string' ? Buffer.from(data, 'utf8') : data);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  syncFolder(dirname(path));
}

function writeFully(fd: number, bytes: Buffer): void {
  for (let offset = 0; offset < bytes.length; ) offset += writeSync(fd, bytes, offset, bytes.length - offset);
}

/** The rename itself is durable only once the folder entry is on disk (POSIX; Windows cannot open a folder). */
function syncFolder(folder: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // No folder fsync on this platform: the rename is as durable as the file system makes it.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Temp files of `path` whose writer is gone: this process between writes, or a dead one. */
function staleTemps(path: string): string[] {
  const folder = dirname(path);
  const prefix = `${basename(path)}.`;
  let names: string[];
  try {
    names = readdirSync(folder);
  } catch {
    return [];
  }
  return names.flatMap((name) => {
    if (!name.startsWith(prefix) || !name.endsWith('.tmp')) return [];
    const match = /^(\d+)\.[0-9a-f]{12}\.tmp$/.exec(name.slice(prefix.length));
    if (!match) return [];
    const pid = Number(match[1]);
    return pid === process.pid || !isRunning(pid) ? [join(folder, name)] : [];
  });
}

function removeStaleTemps(path: string): void {
  for (const temp of staleTemps(path)) rmSync(temp, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists, it just is not ours to signal.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
