import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger } from './logger';
import { redactFields } from './redact';

describe('logger redaction', () => {
  it.each(['Authorization', 'Guid', 'secureKey', 'password', 'token', 'cookie', 'set-cookie', 'apiToken', 'X-CSRF-TOKEN'])('redacts a field named %s at any depth', (key) => {
    expect(JSON.stringify(redactFields({ outer: { [key]: 'the-secret' } }))).not.toContain('the-secret');
  });

  it('scrubs known secret values in plain, URL-encoded and base64 forms wherever they appear', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'softphone-log-')), 'app.log');
    const log = createLogger({ file });
    log.addSecretValue('p@ss word/1');
    log.info('sign-in failed for p@ss word/1', { url: `https://x/?k=${encodeURIComponent('p@ss word/1')}`, note: Buffer.from('p@ss word/1').toString('base64') });
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('p@ss word/1');
    expect(text).not.toContain(encodeURIComponent('p@ss word/1'));
    expect(text).not.toContain(Buffer.from('p@ss word/1').toString('base64'));
    expect(text).toContain('[redacted]');
  });
});
