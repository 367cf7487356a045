import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import type { z } from 'zod';
import { formatJsonPath } from '../../../shared/jsonPath';
import { writeFileAtomic } from './atomicFile';

export interface LoadedDocument<T> {
  value: T;
  /** Why the file was not used, as `name: path: reason`; the fallback stands in for it. */
  problem?: string;
}

/**
 * One small JSON file in the data dir, read through a schema and replaced atomically. A
 * missing or unreadable file yields the fallback: user preferences are never worth a failed start.
 */
export class JsonDocument<S extends z.ZodType> {
  constructor(
    private readonly path: string,
    private readonly schema: S,
    private readonly fallback: () => z.output<S>,
  ) {}

  load(): LoadedDocument<z.output<S>> {
    const name = basename(this.path);
    if (!existsSync(this.path)) return { value: this.fallback() };
    let raw: unknown;
    try {
      raw = JSON.parse(readFileSync(this.path, 'utf8'));
    } catch (error) {
      return { value: this.fallback(), problem: `${name}: (file): not readable as JSON (${(error as Error).message})` };
    }
    const parsed = this.schema.safeParse(raw);
    if (parsed.success) return { value: parsed.data };
    const issue = parsed.error.issues[0];
    return { value: this.fallback(), problem: `${name}: ${issue ? `${formatJsonPath(issue.path)}: ${issue.message}` : 'invalid'}` };
  }

  /** Temp file, fsync, rename: a crash leaves the old file or the new one, never half of one. */
  save(value: z.output<S>): void {
    mkdirSync(dirname(this.path), { recursive: true, mode: 0o700 });
    writeFileAtomic(this.path, `${JSON.stringify(value, null, 2)}\n`, 0o600);
  }
}
