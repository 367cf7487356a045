import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../../vendors/adapter';
import { redactFields, redactKnownValues } from './redact';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  /** JSON lines are appended here; nothing is written when absent. */
  file?: string;
  level?: Level;
  /** Mirror records to stderr (the shell does; tests don't). */
  console?: boolean;
}

export interface AppLogger extends Logger {
  /** Known secret values (passwords, tokens) to scrub from every line, whatever field holds them. */
  addSecretValue(value: string): void;
  child(scope: string): Logger;
}

/**
 * JSON-lines logger. Two layers of redaction: secret-named fields anywhere in a record, and
 * every known secret value in the final line (in plain, URL-encoded and base64 forms).
 */
export function createLogger(options: LoggerOptions = {}): AppLogger {
  const minimum = ORDER[options.level ?? 'info'];
  const secrets = new Set<string>();
  if (options.file) mkdirSync(dirname(options.file), { recursive: true });

  const write = (level: Level, scope: string | undefined, message: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < minimum) return;
    const record = { at: new Date().toISOString(), level, ...(scope ? { scope } : {}), message, ...(fields ? { fields: redactFields(fields) } : {}) };
    const line = redactKnownValues(JSON.stringify(record), secrets);
    if (options.file) appendFileSync(options.file, `${line}\n`, { mode: 0o600 });
    if (options.console) process.stderr.write(`${line}\n`);
  };

  const scoped = (scope?: string): Logger => ({
    debug: (message, fields) => write('debug', scope, message, fields),
    info: (message, fields) => write('info', scope, message, fields),
    warn: (message, fields) => write('warn', scope, message, fields),
    error: (message, fields) => write('error', scope, message, fields),
  });

  return {
    ...scoped(),
    addSecretValue: (value) => void secrets.add(value),
    child: (scope) => scoped(scope),
  };
}
