import { describe, expect, it } from 'vitest';
import { encodings, isSecretName, REDACTED, redactFields, redactKnownValues, redactText } from './redact';

describe('isSecretName', () => {
  it.each([
    'Authorization',
    'proxy-authorization',
    'Cookie',
    'set-cookie',
    'Guid',
    'Set-GUID',
    'secureKey',
    'password',
    'newPassword',
    'token',
    'apiToken',
    'access_token',
    'refresh_token',
    'sessionToken',
    'X-CSRF-Token',
    'csrfToken',
    'JSESSIONID',
    'client_secret',
    'x-api-key',
    'authorizeUrl',
    'contactId',
  ])('%s is a secret', (name) => {
    expect(isSecretName(name)).toBe(true);
  });

  it.each(['profile', 'agentId', 'username', 'callId', 'status', 'url', 'path', 'tokenType', 'expiresInSeconds', 'guidRotations'])('%s is not', (name) => {
    expect(isSecretName(name)).toBe(false);
  });
});

describe('redactText', () => {
  it.each([
    ['Authorization: Basic YWdlbnQxOnNhbmRib3g=', `Authorization: ${REDACTED}`],
    ['authorization: Bearer eyJhbGciOi.J9.x', `authorization: ${REDACTED}`],
    ['sent with Bearer 9pBl+xY1MW+AbsdZk4xpv7NwWxG8+oqduKiSqVybM9Y= to VCC', `sent with Bearer ${REDACTED} to VCC`],
    ['Guid: 7f3c2a', `Guid: ${REDACTED}`],
    ['Set-GUID: abcdef12', `Set-GUID: ${REDACTED}`],
    ['secureKey: eb94fd75a6a8c04306dd341953e7e922', `secureKey: ${REDACTED}`],
    ['Cookie: JSESSIONID=node01abc; HWWAFSESID=zz', `Cookie: ${REDACTED}`],
    ['set-cookie: JSESSIONID=node01abc; Path=/', `set-cookie: ${REDACTED}`],
    ['GET /calls?token=abc123&x=1', `GET /calls?token=${REDACTED}&x=1`],
    ['grant_type=client_credentials&password=hunter22', `grant_type=client_credentials&password=${REDACTED}`],
    ['{"password":"p\\"w","user":"a"}', `{"password":"${REDACTED}","user":"a"}`],
    ['{"access_token": "tok-123", "expires_in": 3600}', `{"access_token": "${REDACTED}", "expires_in": 3600}`],
    ['X-CSRF-Token: 3f9a\nnext line', `X-CSRF-Token: ${REDACTED}\nnext line`],
  ])('%j → %j', (input, expected) => {
    expect(redactText(input)).toBe(expected);
  });

  it.each([
    'Check the username and password of this Genesys profile in Settings.',
    'Huawei GUID replaced from Set-GUID',
    'vonage: access token refused (401); renewing it and repeating the request once',
    'Dial refused by Genesys: Invalid destination',
  ])('leaves ordinary words alone: %j', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('redactFields', () => {
  it.each(['Authorization', 'Guid', 'secureKey', 'password', 'token', 'cookie', 'set-cookie', 'apiToken', 'X-CSRF-TOKEN', 'authorizeUrl'])(
    'replaces a field named %s at any depth, arrays included',
    (key) => {
      const text = JSON.stringify(redactFields({ outer: { list: [{ [key]: 'the-secret' }] } }));
      expect(text).not.toContain('the-secret');
      expect(text).toContain(REDACTED);
    },
  );

  it('scrubs secrets written inside string values', () => {
    expect(redactFields({ request: 'Authorization: Basic YWdlbnQxOnNhbmRib3g=' })).toEqual({ request: `Authorization: ${REDACTED}` });
  });

  it('keeps an error as name, message and stack, scrubbed', () => {
    const error = new Error('refused token=abc123');
    const out = redactFields({ error }) as { error: { name: string; message: string; stack: string } };
    expect(out.error.name).toBe('Error');
    expect(out.error.message).toBe(`refused token=${REDACTED}`);
    expect(out.error.stack).not.toContain('abc123');
  });

  it('survives cycles, BigInt and functions, and never passes deep values through unredacted', () => {
    const cyclic: Record<string, unknown> = { n: 10n, f: () => 1 };
    cyclic.self = cyclic;
    let deep: Record<string, unknown> = { leak: 'Bearer deep-secret-value' };
    for (let i = 0; i < 20; i += 1) deep = { inner: deep };
    const text = JSON.stringify(redactFields({ cyclic, deep }));
    expect(text).toContain('[circular]');
    expect(text).toContain('"n":"10"');
    expect(text).toContain('[too deep]');
    expect(text).not.toContain('deep-secret-value');
  });
});

describe('known secret values', () => {
  const secret = 'p@ss w/rd+"1"é';

  it.each(encodings(secret).map((form) => [form]))('removes the form %j', (form) => {
    expect(redactKnownValues(`before ${form} after`, [secret])).toBe(`before ${REDACTED} after`);
  });

  it('covers plain, URL-encoded, form-encoded, base64, base64url and JSON-escaped forms', () => {
    const base64 = Buffer.from(secret).toString('base64');
    expect(encodings(secret)).toEqual(
      expect.arrayContaining([
        secret,
        encodeURIComponent(secret),
        new URLSearchParams({ s: secret }).toString().slice(2),
        base64,
        base64.replace(/=+$/, ''),
        Buffer.from(secret).toString('base64url'),
        JSON.stringify(secret).slice(1, -1),
      ]),
    );
  });

  it('ignores values too short to be told apart from ordinary text', () => {
    expect(redactKnownValues('on 1234 at abc', ['abc'])).toBe('on 1234 at abc');
  });
});
