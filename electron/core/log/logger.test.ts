import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { encodings } from './redact';

function logFile(): string {
  return join(mkdtempSync(join(tmpdir(), 'softphone-log-')), 'logs', 'app.log');
}

const lines = (file: string): Array<Record<string, unknown>> =>
  readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe('logger redaction', () => {
  it('redacts Authorization, Guid, secureKey, passwords, tokens and cookies in headers and bodies', () => {
    const file = logFile();
    const log = createLogger({ file });
    log.info('vendor request', {
      headers: {
        Authorization: 'Basic YWdlbnQxOlMzY3JldCE=',
        Guid: 'guid-7f3c2a9e',
        secureKey: 'eb94fd75a6a8c04306dd341953e7e922',
        Cookie: 'JSESSIONID=node0cookie1',
        'X-CSRF-Token': 'csrf-5a5a5a',
      },
      body: '{"password":"Pa55-body","access_token":"tok-body-1"}',
      url: 'https://vcc.example/v0/calls?token=tok-query-1',
      note: 'answered with Set-Cookie: JSESSIONID=node0cookie2; Path=/',
    });
    const text = readFileSync(file, 'utf8');
    for (const secret of ['YWdlbnQxOlMzY3JldCE=', 'guid-7f3c2a9e', 'eb94fd75a6a8c04306dd341953e7e922', 'node0cookie1', 'csrf-5a5a5a', 'Pa55-body', 'tok-body-1', 'tok-query-1', 'node0cookie2']) {
      expect(text).not.toContain(secret);
    }
    expect(lines(file)[0]?.message).toBe('vendor request');
  });

  it('scrubs a registered secret in every encoding, in the message, in fields, in keys and in errors', () => {
    const file = logFile();
    const log = createLogger({ file });
    const secret = 'p@ss word/1"\\';
    log.addSecretValue(secret);
    for (const form of encodings(secret)) {
      log.warn(`sign-in failed for ${form}`, { url: `https://x/?k=${form}`, [form]: 'as a key', error: new Error(`refused ${form}`) });
    }
    log.error('basic auth', { header: `Basic ${Buffer.from(`agent1:${secret}`).toString('base64')}` });
    const text = readFileSync(file, 'utf8');
    for (const form of encodings(secret)) expect(text).not.toContain(form);
    expect(text).not.toContain(Buffer.from(`agent1:${secret}`).toString('base64'));
    expect(lines(file)).toHaveLength(encodings(secret).length + 1);
  });

  it('scrubs secrets registered after the logger was created, in child loggers too', () => {
    const file = logFile();
    const log = createLogger({ file });
    const child = log.child('genesys');
    child.info('before: late-secret-1');
    log.addSecretValue('late-secret-1');
    child.info('after: late-secret-1');
    expect(lines(file).map((line) => line.message)).toEqual(['before: late-secret-1', 'after: [redacted]']);
    expect(lines(file)[1]?.scope).toBe('genesys');
  });

  it('never throws, whatever it is given', () => {
    const file = logFile();
    const log = createLogger({ file });
    const cyclic: Record<string, unknown> = { big: 2n };
    cyclic.self = cyclic;
    expect(() => log.error('odd fields', { cyclic, fn: () => undefined, sym: Symbol('s') })).not.toThrow();
    expect(lines(file)[0]?.message).toBe('odd fields');
  });

  it('keeps the log readable by its user only', () => {
    const file = logFile();
    createLogger({ file }).info('hello');
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });

  it('writes nothing below its level', () => {
    const file = logFile();
    const log = createLogger({ file, level: 'warn' });
    log.info('quiet');
    log.warn('loud');
    expect(lines(file).map((line) => line.message)).toEqual(['loud']);
  });
});
