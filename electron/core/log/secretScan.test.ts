import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { filesUnder, findSecrets, secretForms, secretsSentToVendors, type Secret } from '../../../e2e/secretScan';

/** The leak scanner the secret tests rely on finds what it must, so a clean scan means something. */

const secret: Secret = { name: 'password', value: 'Pä55+/=%&"x', user: 'agent1' };

describe('secret scanner', () => {
  it.each([
    ['plain', secret.value],
    ['URL-encoded', encodeURIComponent(secret.value)],
    ['form-encoded', new URLSearchParams({ p: secret.value }).toString().slice(2)],
    ['JSON-escaped', JSON.stringify({ p: secret.value })],
    ['base64', Buffer.from(secret.value).toString('base64')],
    ['base64url', Buffer.from(secret.value).toString('base64url')],
    ['Basic user:password', `Basic ${Buffer.from(`agent1:${secret.value}`).toString('base64')}`],
  ])('finds the %s form', (_form, text) => {
    expect(findSecrets([{ where: 'x', text: `before ${text} after` }], [secret]).length).toBeGreaterThan(0);
  });

  it('finds nothing in text without the secret, and lists distinct forms', () => {
    expect(findSecrets([{ where: 'x', text: 'Pä55 nothing here' }], [secret])).toEqual([]);
    expect(new Set(secretForms(secret)).size).toBe(secretForms(secret).length);
  });

  it('reads every file under a folder, nested ones too', () => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-scan-'));
    mkdirSync(join(dir, 'logs'));
    writeFileSync(join(dir, 'logs', 'app.log'), `x ${secret.value}`);
    expect(findSecrets(filesUnder(dir), [secret])).toEqual([`password (as ${JSON.stringify(secret.value)}) in ${join('logs', 'app.log')}`]);
  });

  it('collects the credentials a vendor was sent at run time', () => {
    const names = secretsSentToVendors('v', [
      { headers: { authorization: 'Bearer tok-1234567890', cookie: 'JSESSIONID=node0abcdefgh; other=x', guid: 'guid-0123456789' } },
      { headers: { securekey: 'key-0123456789', 'x-csrf-token': 'csrf-0123456789' } },
    ]).map((found) => `${found.name}=${found.value}`);
    expect(names.sort()).toEqual(
      ['v Bearer credentials=tok-1234567890', 'v cookie JSESSIONID=node0abcdefgh', 'v guid=guid-0123456789', 'v securekey=key-0123456789', 'v x-csrf-token=csrf-0123456789'].sort(),
    );
  });
});
