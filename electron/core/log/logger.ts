import { appendFileSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Logger } from '../../vendors/adapter';
import { redactFields, redactKnownValues, redactText } from './redact';

type Level = 'debug' | 'info' | 'warn' | 'error';
const ORDER: Record<Level, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export interface LoggerOptions {
  /** JSON lines are appended here (mode 0600, folder 0700); nothing is written when absent. */
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
 * JSON-lines logger. Three layers of redaction: secret-named fields anywhere in a record,
 * secrets written inside text (`Authorization: …`, `token=…`), and every known secret value in
 * its plain and encoded forms. Logging never throws: a record that cannot be serialised is
 * replaced by a line saying so.
 */
export function createLogger(options: LoggerOptions = {}): AppLogger {
  const minimum = ORDER[options.level ?? 'info'];
  const secrets = new Set<string>();
  if (options.file) mkdirSync(dirname(options.file), { recursive: true, mode: 0o700 });

  const scrub = (text: string): string => redactKnownValues(redactText(text), secrets);

  const serialise = (level: Level, scope: string | undefined, message: string, fields?: Record<string, unknown>): string => {
    const at = new Date().toISOString();
    try {
      const record = { at, level, ...(scope ? { scope } : {}), message: scrub(message), ...(fields ? { fields: redactFields(fields, scrub) } : {}) };
      // Known values once more on the whole line: a secret escaped by JSON, or in a key.
      return redactKnownValues(JSON.stringify(record), secrets);
    } catch (error) {
      return JSON.stringify({ at, level, message: scrub(message), unloggable: scrub(String(error)) });
    }
  };

  const write = (level: Level, scope: string | undefined, message: string, fields?: Record<string, unknown>): void => {
    if (ORDER[level] < minimum) return;
    const line = serialise(level, scope, message, fields);
    try {
      if (options.file) appendFileSync(options.file, `${line}\n`, { mode: 0o600 });
      if (options.console) process.stderr.write(`${line}\n`);
    } catch {
      // A full disk or a removed log folder must not take a call down with it.
    }
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
