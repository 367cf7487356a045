import { HistoryEntrySchema, type HistoryEntry, type HistoryPage, type HistoryQuery } from '../../../shared/history';
import type { Logger } from '../../vendors/adapter';
import { AppendOnlyFile, readLines } from './historyFile';
import { matches, queryWords, searchText } from './historySearch';

const DEFAULT_PAGE = 100;

interface Indexed {
  entry: HistoryEntry;
  text: string;
}

/**
 * The call history: an append-only JSON-lines file (one entry per call, each append fsynced)
 * read once at start into memory, where it is searched. A crash mid-write costs at most the
 * last partial line, which is ignored when loading and cut off by the next append.
 */
export class HistoryStore {
  private readonly indexed: Indexed[] = [];
  private readonly ids = new Set<string>();
  private readonly file: AppendOnlyFile;
  /** Lines that were not history entries (damaged, or written by a newer version). */
  readonly skippedLines: number;
  readonly partialTailDropped: boolean;

  constructor(path: string, log: Logger) {
    const loaded = readLines(path);
    let skipped = 0;
    for (const line of loaded.lines) {
      const entry = parseLine(line);
      if (entry && !this.ids.has(entry.call.id)) this.index(entry);
      else skipped += 1;
    }
    this.skippedLines = skipped;
    this.partialTailDropped = loaded.partialTail;
    if (skipped > 0 || loaded.partialTail) {
      log.warn('history file had lines that are not entries', { file: path, skipped, partialTail: loaded.partialTail });
    }
    this.file = new AppendOnlyFile(path, loaded, (error) => log.error('could not write to the history file', { file: path, error: String(error) }));
  }

  get size(): number {
    return this.indexed.length;
  }

  has(callId: string): boolean {
    return this.ids.has(callId);
  }

  /** Adds an entry (once per call) and queues it for the file; `flush` waits until it is on disk. */
  append(entry: HistoryEntry): boolean {
    if (this.ids.has(entry.call.id)) return false;
    this.index(entry);
    this.file.append(JSON.stringify(entry));
    return true;
  }

  /** Newest first; `total` counts every match, for the list's scroll height. */
  list(query: HistoryQuery = {}): HistoryPage {
    const words = queryWords(query.query);
    const offset = query.offset ?? 0;
    const limit = query.limit ?? DEFAULT_PAGE;
    const entries: HistoryEntry[] = [];
    let total = 0;
    for (let index = this.indexed.length - 1; index >= 0; index -= 1) {
      const item = this.indexed[index];
      if (!item || !matches(item.text, words)) continue;
      if (total >= offset && entries.length < limit) entries.push(item.entry);
      total += 1;
    }
    return { entries, total };
  }

  flush(): Promise<void> {
    return this.file.flush();
  }

  close(): Promise<void> {
    return this.file.close();
  }

  private index(entry: HistoryEntry): void {
    this.indexed.push({ entry, text: searchText(entry) });
    this.ids.add(entry.call.id);
  }
}

function parseLine(line: string): HistoryEntry | undefined {
  let raw: unknown;
  try {
    raw = JSON.parse(line);
  } catch {
    return undefined;
  }
  const parsed = HistoryEntrySchema.safeParse(raw);
  return parsed.success ? parsed.data : undefined;
}
