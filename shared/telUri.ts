/**
 * `tel:` (RFC 3966) and `callto:` links → what to dial. Links come from other applications
 * (a CRM page, an e-mail) and are untrusted: anything that is not clearly a phone number is
 * refused with a reason, and never dialled.
 *
 * Lenient where real links commonly differ from the RFC and the meaning is still clear:
 * spaces (`%20`) as visual separators, `tel://` and `callto://`, and local numbers without a
 * `phone-context` (read with the user's default country, as phones do).
 */

export interface TelLink {
  scheme: 'tel' | 'callto';
  /** `+` and digits for a global number; the local digits (with `*`/`#`) otherwise. */
  number: string;
  /** A global number, or a local one made global by a numeric phone-context. */
  global: boolean;
  /** The `phone-context` descriptor, as given (a domain or `+` digits). */
  context?: string;
  /** `;ext=` digits. */
  extension?: string;
  /** Extension and `;postd=` in the softphone's post-dial grammar (`,123`: wait 2 s, press 123). */
  postDial?: string;
}

export type TelLinkParse = ({ ok: true } & TelLink) | { ok: false; reason: string };

const MAX_LINK_LENGTH = 2048;
/** E.164: at most 15 digits after the `+`. */
const MAX_GLOBAL_DIGITS = 15;
const MAX_POST_DIAL = 64;
/** RFC 3966 visual separators, plus whitespace (`%20`) that real links carry. */
const SEPARATORS = /[-.()\s]/g;
const PARAMETER_NAME = /^[A-Za-z0-9-]+$/;
/** RFC 3966 domainname: dot-separated labels, a top label starting with a letter, optional final dot. */
const DOMAIN_NAME = /^(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)*[A-Za-z](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.?$/;

class LinkRejected extends Error {}

function reject(reason: string): never {
  throw new LinkRejected(reason);
}

function decode(component: string, what: string): string {
  try {
    return decodeURIComponent(component);
  } catch {
    return reject(`The ${what} has a broken percent-encoding ("%" must be followed by two hex digits).`);
  }
}

function firstForeign(text: string, allowed: RegExp): string | undefined {
  return [...text].find((char) => !allowed.test(char));
}

function describeChar(char: string): string {
  return /\s/.test(char) ? 'a space' : `"${char}"`;
}

/** `+1-213-373-4253` → `+12133734253`; refuses anything but digits after the `+`. */
function globalDigits(text: string, what: string): string {
  const compact = text.replace(SEPARATORS, '');
  const digits = compact.slice(1);
  const foreign = firstForeign(digits, /[0-9]/);
  if (foreign !== undefined) reject(`The ${what} "${text}" contains ${describeChar(foreign)}, which is not a digit.`);
  if (digits.length === 0) reject(`The ${what} "${text}" has no digits after the "+".`);
  if (digits.length > MAX_GLOBAL_DIGITS) reject(`The ${what} "${text}" has ${digits.length} digits; an international number has at most ${MAX_GLOBAL_DIGITS}.`);
  return `+${digits}`;
}

function localDigits(text: string): string {
  const compact = text.replace(SEPARATORS, '');
  if (compact === '') reject('The link has no phone number.');
  const hex = firstForeign(compact, /[0-9*#]/);
  if (hex !== undefined && /[A-Fa-f]/.test(hex)) {
    reject(`The number "${text}" contains the letter ${hex}: RFC 3966 allows A-F in local numbers, but no phone can dial them.`);
  }
  if (hex !== undefined) reject(`The number "${text}" contains ${describeChar(hex)}, which is not a phone digit.`);
  return compact;
}

/** RFC 2806 post-dial: digits, `*`, `#`, `p` (pause) and `w` (wait for a tone, approximated by a pause). */
function postDialFrom(value: string): string {
  const compact = value.replace(SEPARATORS, '');
  const tones = firstForeign(compact, /[0-9*#pPwW]/);
  if (tones !== undefined && /[A-Da-d]/.test(tones)) reject(`The post-dial digits "${value}" contain the tone ${tones.toUpperCase()}, which the softphone cannot send.`);
  if (tones !== undefined) reject(`The post-dial digits "${value}" contain ${describeChar(tones)}, which is not a tone or a pause.`);
  return compact.replace(/[pPwW]/g, ',');
}

function parameters(parts: readonly string[]): Map<string, string | undefined> {
  const found = new Map<string, string | undefined>();
  for (const part of parts) {
    const equals = part.indexOf('=');
    const name = (equals < 0 ? part : part.slice(0, equals)).toLowerCase();
    if (!PARAMETER_NAME.test(name)) reject(`The link has a parameter without a proper name (";${part}").`);
    if (found.has(name)) reject(`The link has ";${name}=" twice.`);
    const value = equals < 0 ? undefined : decode(part.slice(equals + 1), `;${name}= value`);
    if (value === '') reject(`The link's ";${name}=" is empty.`);
    found.set(name, value);
  }
  return found;
}

function parse(uri: string): TelLink {
  if (uri.length > MAX_LINK_LENGTH) reject(`The link is ${uri.length} characters long; a phone link is never longer than ${MAX_LINK_LENGTH}.`);
  const trimmed = uri.trim();
  const schemeMatch = /^([A-Za-z][A-Za-z0-9+.-]*):/.exec(trimmed);
  if (!schemeMatch) reject('This is not a link: it has no "tel:" or "callto:" in front.');
  const scheme = (schemeMatch[1] ?? '').toLowerCase();
  if (scheme !== 'tel' && scheme !== 'callto') reject(`"${scheme}:" links are not phone links; only tel: and callto: links are dialled.`);
  let rest = trimmed.slice(schemeMatch[0].length).replace(/^\/\//, '');
  if (scheme === 'callto') rest = rest.replace(/\/$/, '');
  if (rest.includes('?')) reject('The link has a query ("?…"), which a phone link cannot carry.');

  const [subscriber = '', ...parameterParts] = rest.split(';');
  const number = decode(subscriber, 'number');
  if (number.replace(SEPARATORS, '') === '') reject('The link has no phone number.');
  if (scheme === 'callto' && /[A-Za-z]/.test(number)) reject(`"callto:${number}" names a contact (a Skype name), not a phone number.`);
  const params = parameters(parameterParts);

  const context = params.get('phone-context');
  const extension = params.get('ext');
  const postd = params.get('postd');
  if (params.has('phone-context') && context === undefined) reject('The link\'s ";phone-context" has no value.');
  if (params.has('ext') && extension === undefined) reject('The link\'s ";ext" has no value.');
  if (params.has('postd') && postd === undefined) reject('The link\'s ";postd" has no value.');

  let dial: string;
  let global: boolean;
  if (number.trimStart().startsWith('+')) {
    if (context !== undefined) reject('A global number (starting with "+") cannot have a phone-context.');
    dial = globalDigits(number.trim(), 'number');
    global = true;
  } else {
    const local = localDigits(number);
    if (context !== undefined && context.startsWith('+')) {
      dial = globalDigits(`${globalDigits(context, 'phone-context')}${local}`, 'number with its phone-context');
      global = true;
    } else {
      if (context !== undefined && !DOMAIN_NAME.test(context)) reject(`The phone-context "${context}" is neither a domain name nor a "+" number prefix.`);
      dial = local;
      global = false;
    }
  }

  let extensionDigits: string | undefined;
  if (extension !== undefined) {
    extensionDigits = extension.replace(SEPARATORS, '');
    const foreign = firstForeign(extensionDigits, /[0-9]/);
    if (foreign !== undefined || extensionDigits === '') reject(`The extension "${extension}" must be digits only.`);
  }
  const postDial = `${extensionDigits ? `,${extensionDigits}` : ''}${postd !== undefined ? postDialFrom(postd) : ''}`;
  if (postDial.length > MAX_POST_DIAL) reject(`The link's extension and post-dial digits are ${postDial.length} characters; the softphone sends at most ${MAX_POST_DIAL}.`);

  return {
    scheme,
    number: dial,
    global,
    ...(context !== undefined ? { context } : {}),
    ...(extensionDigits ? { extension: extensionDigits } : {}),
    ...(postDial ? { postDial } : {}),
  };
}

/** Parses a `tel:` or `callto:` link; never throws. `;isub=` and unknown parameters are ignored. */
export function parseTelUri(uri: string): TelLinkParse {
  try {
    return { ok: true, ...parse(uri) };
  } catch (error) {
    if (error instanceof LinkRejected) return { ok: false, reason: error.message };
    throw error;
  }
}

/** True for text that is meant as a phone link (so pasting `tel:…` into the dialer reads it as one). */
export function looksLikeTelUri(text: string): boolean {
  // A link has no spaces; "Tel: +44 (0)20 7206 8888" is a labelled number, cleaned like any paste.
  return /^\s*(?:tel|callto):\S+\s*$/i.test(text);
}
