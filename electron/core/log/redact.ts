/** Field names whose values are secrets wherever they appear in a log record. */
const SECRET_KEYS = /^(authorization|proxy-authorization|cookie|set-cookie|set-guid|guid|securekey|password|passwd|apitoken|api_token|token|access_token|refresh_token|x-csrf-token|secret|clientsecret)$/i;

export const REDACTED = '[redacted]';

/** Returns a copy of `value` with every secret-named field replaced, at any depth. */
export function redactFields(value: unknown, depth = 0): unknown {
  if (depth > 8 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((item) => redactFields(item, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value as Record<string, unknown>)) {
    out[key] = SECRET_KEYS.test(key) ? REDACTED : redactFields(inner, depth + 1);
  }
  return out;
}

/** Replaces every occurrence of a known secret value (and its common encodings) in a line. */
export function redactKnownValues(line: string, secrets: Iterable<string>): string {
  let out = line;
  for (const secret of secrets) {
    if (secret.length < 4) continue;
    for (const form of encodings(secret)) out = out.split(form).join(REDACTED);
  }
  return out;
}

export function encodings(secret: string): string[] {
  return [...new Set([secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64')])];
}
