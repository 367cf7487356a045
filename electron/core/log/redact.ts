export const REDACTED = '[redacted]';

/**
 * Field names whose values are secrets wherever they appear in a log record, compared
 * lower-case with `-` and `_` removed (`X-CSRF-Token`, `access_token`, `secureKey`).
 */
const SECRET_NAMES: ReadonlySet<string> = new Set([
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'guid',
  'setguid',
  'securekey',
  'password',
  'passwd',
  'pwd',
  'token',
  'apitoken',
  'accesstoken',
  'refreshtoken',
  'idtoken',
  'xcsrftoken',
  'csrftoken',
  'csrf',
  'secret',
  'clientsecret',
  'apikey',
  'xapikey',
  'jsessionid',
  // Oracle: the ticket-bearing authorize URL, and the unguessable template id.
  'authorizeurl',
  'contactid',
]);

/** Any name ending like these is a secret too: `newPassword`, `sessionToken`, `webhookSecret`. */
const SECRET_SUFFIXES = ['password', 'passwd', 'token', 'secret', 'securekey', 'apikey', 'cookie', 'authorization'];

export function isSecretName(name: string): boolean {
  const normal = name.toLowerCase().replace(/[-_]/g, '');
  return SECRET_NAMES.has(normal) || SECRET_SUFFIXES.some((suffix) => normal.endsWith(suffix));
}

const NAME_ALTERNATIVES =
  'authorization|proxy-authorization|set-cookie|cookie|set-guid|guid|securekey|secure_key|x-csrf-token|csrf_token|csrftoken|password|passwd|api_token|apitoken|access_token|refresh_token|token|jsessionid|authorizeurl|secret';

/**
 * Secrets written inside free text: `Authorization: Basic …`, `Bearer …`, `Guid=…`,
 * `"password":"…"`, `?token=…`, `Cookie: JSESSIONID=…`. Each keeps its name and loses its value.
 */
const TEXT_RULES: ReadonlyArray<readonly [RegExp, string]> = [
  // A scheme and its credentials, wherever they stand.
  [/\b(Basic|Bearer|Digest)\s+[A-Za-z0-9._~+/=-]{4,}/gi, `$1 ${REDACTED}`],
  // "name":"value" (a JSON body or a stringified object inside a message).
  [new RegExp(`("(?:${NAME_ALTERNATIVES})"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`, 'gi'), `$1"${REDACTED}"`],
  // A header line: the whole value, up to the end of the line or a quote.
  [new RegExp(`\\b((?:${NAME_ALTERNATIVES})\\s*:\\s*)(?!\\[redacted\\])[^\\r\\n"]+`, 'gi'), `$1${REDACTED}`],
  // name=value in a query string, a form body or a cookie.
  [new RegExp(`\\b((?:${NAME_ALTERNATIVES})=)(?!\\[redacted\\])[^\\s&;,"']+`, 'gi'), `$1${REDACTED}`],
];

/** Replaces secrets written as `name: value`, `name=value`, `"name":"value"` or `Bearer value` in text. */
export function redactText(text: string): string {
  let out = text;
  for (const [pattern, replacement] of TEXT_RULES) out = out.replace(pattern, replacement);
  return out;
}

const MAX_DEPTH = 8;

/**
 * A copy of `value` safe to serialise: secret-named fields replaced at any depth, every string
 * passed through `scrub`, errors reduced to name/message/stack, cycles, functions and values
 * deeper than MAX_DEPTH replaced by a marker (so nothing deep can slip through unredacted).
 */
export function redactFields(value: unknown, scrub: (text: string) => string = redactText): unknown {
  const seen = new WeakSet<object>();
  const visit = (current: unknown, depth: number): unknown => {
    if (typeof current === 'string') return scrub(current);
    if (typeof current === 'bigint') return current.toString();
    if (typeof current === 'function' || typeof current === 'symbol') return `[${typeof current}]`;
    if (current === null || typeof current !== 'object') return current;
    if (depth > MAX_DEPTH) return '[too deep]';
    if (seen.has(current)) return '[circular]';
    seen.add(current);
    if (current instanceof Error) {
      return { name: current.name, message: scrub(current.message), ...(current.stack ? { stack: scrub(current.stack) } : {}) };
    }
    if (Array.isArray(current)) return current.map((item) => visit(item, depth + 1));
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(current as Record<string, unknown>)) {
      out[key] = isSecretName(key) ? REDACTED : visit(inner, depth + 1);
    }
    return out;
  };
  return visit(value, 0);
}

const MIN_SECRET_LENGTH = 4;

/** Replaces every occurrence of a known secret value, in each of its common encodings. */
export function redactKnownValues(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length < MIN_SECRET_LENGTH) continue;
    for (const form of encodings(secret)) out = out.split(form).join(REDACTED);
  }
  return out;
}

/**
 * The forms a secret takes on its way through HTTP and JSON: plain, URL-encoded (path and
 * form style), base64 and base64url (padded or not), and JSON-escaped. Longest first, so a
 * form that contains another is replaced whole.
 */
export function encodings(secret: string): string[] {
  const base64 = Buffer.from(secret, 'utf8').toString('base64');
  const forms = [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    base64,
    base64.replace(/=+$/, ''),
    Buffer.from(secret, 'utf8').toString('base64url'),
    JSON.stringify(secret).slice(1, -1),
  ];
  return [...new Set(forms)].filter((form) => form.length >= MIN_SECRET_LENGTH).sort((a, b) => b.length - a.length);
}
