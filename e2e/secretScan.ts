import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Scans for secrets, for the secret-leak tests (e2e/secrets.spec.ts and the core's own).
 * Kept free of Playwright so unit tests can use it too; its list of encodings is its own, not
 * the log scrubber's, so a form the scrubber forgot is still found.
 */

export interface Secret {
  /** What it is, for the failure message: `Genesys password`, `Vonage bearer token`. */
  name: string;
  value: string;
  /** For a password sent with HTTP Basic auth: the user name, so `user:password` is looked for too. */
  user?: string;
  /** A piece of another secret (the ticket inside an authorize URL): looked for, but never handed to the app on its own. */
  partOf?: string;
}

export interface Haystack {
  /** Where the text came from: `frame 12`, `logs/softphone.log`. */
  where: string;
  text: string;
}

/** Every form a secret takes on its way through HTTP, JSON and logs. */
export function secretForms(secret: Secret): string[] {
  const base64 = (text: string): string[] => {
    const standard = Buffer.from(text, 'utf8').toString('base64');
    return [standard, standard.replace(/=+$/, ''), Buffer.from(text, 'utf8').toString('base64url')];
  };
  const forms = [
    secret.value,
    encodeURIComponent(secret.value),
    new URLSearchParams({ s: secret.value }).toString().slice(2),
    JSON.stringify(secret.value).slice(1, -1),
    ...base64(secret.value),
    ...(secret.user === undefined ? [] : base64(`${secret.user}:${secret.value}`)),
  ];
  return [...new Set(forms)];
}

/** One line per secret form found anywhere: empty when nothing leaked. */
export function findSecrets(haystacks: readonly Haystack[], secrets: readonly Secret[]): string[] {
  const found: string[] = [];
  for (const secret of secrets) {
    for (const form of secretForms(secret)) {
      for (const { where, text } of haystacks) {
        if (text.includes(form)) found.push(`${secret.name} (as ${JSON.stringify(form)}) in ${where}`);
      }
    }
  }
  return found;
}

/** Every file under `dir`, read as UTF-8 and as raw bytes (latin1), for a scan. */
export function filesUnder(dir: string): Haystack[] {
  const out: Haystack[] = [];
  const walk = (current: string): void => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.isFile()) {
        const bytes = readFileSync(full);
        out.push({ where: relative(dir, full), text: `${bytes.toString('utf8')}\n${bytes.toString('latin1')}` });
      }
    }
  };
  walk(dir);
  return out;
}

/** What an emulator logged of a request (its request log, or `/__sandbox/requests`). */
export interface SeenRequest {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Secrets the adapters obtained at run time and sent back to the vendor: bearer and Basic
 * credentials, session cookies, CSRF tokens, Huawei GUIDs, IOVOX secure keys. Read from what
 * the emulators received, so none is missed.
 */
export function secretsSentToVendors(vendor: string, requests: readonly SeenRequest[]): Secret[] {
  const values = new Map<string, string>();
  const add = (name: string, value: string | undefined): void => {
    if (value !== undefined && value.length >= 8) values.set(value, `${vendor} ${name}`);
  };
  for (const { headers } of requests) {
    const header = (name: string): string[] => [headers[name] ?? []].flat();
    for (const authorization of header('authorization')) {
      const [scheme, credentials] = authorization.split(/\s+/, 2);
      add(`${scheme ?? ''} credentials`.trim(), credentials);
    }
    for (const cookie of header('cookie')) {
      for (const pair of cookie.split(';')) add(`cookie ${pair.split('=')[0]?.trim() ?? ''}`, pair.split('=').slice(1).join('=').trim());
    }
    for (const name of ['guid', 'securekey', 'x-csrf-token', 'x-xsrf-token']) for (const value of header(name)) add(name, value);
  }
  return [...values].map(([value, name]) => ({ name, value }));
}
