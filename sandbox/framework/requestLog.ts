import type { IncomingHttpHeaders } from 'node:http';

export interface LoggedRequest {
  method: string;
  path: string;
  query: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** Epoch milliseconds with sub-millisecond precision. */
  at: number;
}

const CAPACITY = 20_000;

/** What the emulator received, so tests can count vendor requests (exactly-once dialling). */
export class RequestLog {
  private entries: LoggedRequest[] = [];
  private readonly listeners = new Set<(entry: LoggedRequest) => void>();

  record(entry: LoggedRequest): void {
    this.entries.push(entry);
    if (this.entries.length > CAPACITY) this.entries.splice(0, this.entries.length - CAPACITY);
    for (const listener of this.listeners) listener(entry);
  }

  list(pathPattern?: string): LoggedRequest[] {
    if (!pathPattern) return [...this.entries];
    const regex = new RegExp(pathPattern);
    return this.entries.filter((entry) => regex.test(entry.path));
  }

  onRecord(listener: (entry: LoggedRequest) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  clear(): void {
    this.entries = [];
  }
}
