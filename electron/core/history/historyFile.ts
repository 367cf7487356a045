import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { dirname } from 'node:path';

export interface LoadedLines {
  /** Every complete line, in file order, without its newline. */
  lines: string[];
  /**
   * Bytes up to the end of the last intact line. A crash mid-write can leave a partial line
   * after it; the next append cuts it off so no later record is glued to it.
   */
  intactLength: number;
  /** The intact content ends without a newline (a crash between a record and its newline). */
  needsNewline: boolean;
  /** The file ended in a partial line that was left out. */
  partialTail: boolean;
}

const NEWLINE = 0x0a;

/**
 * Reads a JSON-lines file once. A last line without its newline is what a crash mid-write
 * leaves: it is kept only when it is a whole JSON value (the crash came between the record
 * and its newline), else dropped.
 */
export function readLines(file: string): LoadedLines {
  if (!existsSync(file)) return { lines: [], intactLength: 0, needsNewline: false, partialTail: false };
  const data = readFileSync(file);
  const lines: string[] = [];
  let start = 0;
  for (let end = data.indexOf(NEWLINE, start); end !== -1; end = data.indexOf(NEWLINE, start)) {
    if (end > start) lines.push(data.toString('utf8', start, end));
    start = end + 1;
  }
  if (start === data.length) return { lines, intactLength: start, needsNewline: false, partialTail: false };
  const tail = data.toString('utf8', start);
  if (isJson(tail)) {
    lines.push(tail);
    return { lines, intactLength: data.length, needsNewline: true, partialTail: false };
  }
  return { lines, intactLength: start, needsNewline: false, partialTail: true };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

/**
 * Appends lines durably: each batch is written and fsynced before the next starts. Lines
 * that arrive while a batch is on its way go out together in the next one (group commit), so
 * a burst of calls ending at once costs a few fsyncs, not one per call, and the writes run
 * off the event loop.
 */
export class AppendOnlyFile {
  private handle: FileHandle | undefined;
  private queue: string[] = [];
  private writing: Promise<void> | undefined;
  /** Bytes known to be whole lines on disk; a failed write is cut back to this. */
  private intactLength: number;
  private needsNewline: boolean;

  constructor(
    private readonly file: string,
    loaded: Pick<LoadedLines, 'intactLength' | 'needsNewline'>,
    private readonly onError: (error: unknown) => void,
  ) {
    this.intactLength = loaded.intactLength;
    this.needsNewline = loaded.needsNewline;
  }

  append(line: string): void {
    this.queue.push(line);
    this.writing ??= this.drain();
  }

  /** Resolves when everything appended so far is on disk (or has failed, which `onError` was told). */
  async flush(): Promise<void> {
    while (this.writing) await this.writing;
  }

  async close(): Promise<void> {
    await this.flush();
    await this.handle?.close();
    this.handle = undefined;
  }

  private async drain(): Promise<void> {
    try {
      // One turn of the event loop lets appends made together share a write and an fsync.
      await new Promise<void>((resolve) => setImmediate(resolve));
      while (this.queue.length > 0) {
        const batch = this.queue;
        this.queue = [];
        await this.writeBatch(batch);
      }
    } finally {
      this.writing = undefined;
    }
  }

  private async writeBatch(batch: readonly string[]): Promise<void> {
    const text = `${this.needsNewline ? '\n' : ''}${batch.map((line) => `${line}\n`).join('')}`;
    const bytes = Buffer.from(text, 'utf8');
    try {
      const handle = await this.openRepaired();
      await handle.write(bytes);
      await handle.sync();
      this.intactLength += bytes.length;
      this.needsNewline = false;
    } catch (error) {
      // The batch is lost; whatever part of it reached the disk is cut off on the next write.
      await this.handle?.close().catch(() => undefined);
      this.handle = undefined;
      this.onError(error);
    }
  }

  /** Opens for appending, first cutting off anything after the last intact line. */
  private async openRepaired(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    mkdirSync(dirname(this.file), { recursive: true, mode: 0o700 });
    const handle = await open(this.file, 'a', 0o600);
    try {
      const { size } = await handle.stat();
      if (size > this.intactLength) {
        await handle.truncate(this.intactLength);
        await handle.sync();
      } else if (size < this.intactLength) {
        // Someone else shortened the file; trust what is there now.
        this.intactLength = size;
      }
    } catch (error) {
      await handle.close();
      throw error;
    }
    this.handle = handle;
    return handle;
  }
}
