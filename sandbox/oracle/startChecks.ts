import { ORACLE_REPLIES, type OracleReply } from './replies';
import { parseRfc2822 } from './rfc2822';
import type { OracleTemplate } from './templates';

/** A start-call request that passed the emulator's checks (before the template's own checks). */
export interface StartRequest {
  contactId: string;
  /** Digits, without a '+'. */
  userPhone: string;
  delaySeconds: number;
  /** Epoch ms from `when`. */
  when: number | undefined;
  userExtension: string | undefined;
  callAgentFirst: boolean;
  authorizeUrl: string | undefined;
  authEncrypted: boolean;
  visitorId: string | undefined;
  referrerUrl: string | undefined;
  language: string | undefined;
  /** Optional data fields by internal name (`var1`…`var10`), labels resolved. */
  optionalData: Record<string, string>;
}

export type StartVerdict = { ok: true; start: StartRequest } | { ok: false; reply: OracleReply };

const USER_PHONE = /^\+?([1-9][0-9]{7,14})$/;
const USER_EXTENSION = /^[0-9.,*#]*$/;
const INTERNAL_NAME = /^var(?:[1-9]|10)$/;
const LANGUAGE = /^[A-Za-z]{2}$/;
const MAX_DELAY_SECONDS = 900;
const MAX_OPTIONAL_FIELDS = 10;

/** The emulator's user-phone rule; what fails it is "an invalid visitor phone number" (404). */
export function userPhoneDigits(pathSegment: string): string | undefined {
  return USER_PHONE.exec(decodeURIComponent(pathSegment))?.[1];
}

/** JSON booleans, or the strings 'true'/'false' the documentation names (and JSONP sends). */
function flag(value: unknown): boolean | undefined {
  if (value === undefined || value === false || value === 'false') return false;
  if (value === true || value === 'true') return true;
  return undefined;
}

function wholeSeconds(value: unknown): number | undefined {
  if (value === undefined) return 0;
  const number = typeof value === 'string' && /^[0-9]+$/.test(value.trim()) ? Number(value) : value;
  return typeof number === 'number' && Number.isInteger(number) && number >= 0 && number <= MAX_DELAY_SECONDS ? number : undefined;
}

function optionalText(value: unknown): string | undefined | null {
  if (value === undefined) return undefined;
  return typeof value === 'string' ? value : null;
}

type VisitorVerdict = { ok: true; visitor: Pick<StartRequest, 'visitorId' | 'referrerUrl' | 'language' | 'optionalData'> } | { ok: false; reply: OracleReply };

function checkVisitorContext(value: unknown, template: OracleTemplate): VisitorVerdict {
  const invalid = (reason: string): VisitorVerdict => ({ ok: false, reply: ORACLE_REPLIES.invalidVisitorContext(reason) });
  if (value === undefined) return { ok: true, visitor: { visitorId: undefined, referrerUrl: undefined, language: undefined, optionalData: {} } };
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return invalid('must be an object');
  const { visitorId, referrerUrl, language, ...optional } = value as Record<string, unknown>;
  const texts = { visitorId: optionalText(visitorId), referrerUrl: optionalText(referrerUrl), language: optionalText(language) };
  for (const [name, text] of Object.entries(texts)) if (text === null) return invalid(`${name} must be a string`);
  if (texts.language != null && !LANGUAGE.test(texts.language)) return invalid('language must be a two-letter ISO code');
  const entries = Object.entries(optional);
  if (entries.length > MAX_OPTIONAL_FIELDS) return invalid(`at most ${MAX_OPTIONAL_FIELDS} optional data fields`);
  const optionalData: Record<string, string> = {};
  for (const [name, raw] of entries) {
    const internal = INTERNAL_NAME.test(name) ? name : Object.hasOwn(template.labels, name) ? template.labels[name] : undefined;
    if (internal === undefined) return invalid(`unknown optional data field ${name}`);
    if (typeof raw !== 'string' && typeof raw !== 'number') return invalid(`${name} must be a string`);
    optionalData[internal] = String(raw);
  }
  return {
    ok: true,
    visitor: { visitorId: texts.visitorId ?? undefined, referrerUrl: texts.referrerUrl ?? undefined, language: texts.language ?? undefined, optionalData },
  };
}

/**
 * Body checks of vendors/oracle.md §7 in the documented order, first failure wins. The path
 * (template, phone) is checked by the caller before; pre-authorization after.
 */
export function checkStartBody(
  contactId: string,
  userPhone: string,
  body: unknown,
  template: OracleTemplate,
  now: number,
): StartVerdict {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reply: ORACLE_REPLIES.invalidBody };
  const fields = body as Record<string, unknown>;

  const delaySeconds = wholeSeconds(fields.delay);
  if (delaySeconds === undefined) return { ok: false, reply: ORACLE_REPLIES.invalidDelay };

  const userExtension = optionalText(fields.userExtension);
  if (userExtension === null || (userExtension !== undefined && !USER_EXTENSION.test(userExtension))) {
    return { ok: false, reply: ORACLE_REPLIES.invalidUserExtension };
  }

  let when: number | undefined;
  if (fields.when !== undefined) {
    when = typeof fields.when === 'string' ? parseRfc2822(fields.when) : undefined;
    if (when === undefined || when <= now) return { ok: false, reply: ORACLE_REPLIES.invalidWhen };
    if (delaySeconds > 0) return { ok: false, reply: ORACLE_REPLIES.whenWithDelay };
  }

  const callAgentFirst = flag(fields.callAgentFirst);
  if (callAgentFirst === undefined) return { ok: false, reply: ORACLE_REPLIES.invalidFlag('callAgentFirst') };
  const authEncrypted = flag(fields.authEncrypted);
  if (authEncrypted === undefined) return { ok: false, reply: ORACLE_REPLIES.invalidFlag('authEncrypted') };
  const authorizeUrl = optionalText(fields.authorizeUrl);
  if (authorizeUrl === null || authorizeUrl === '') return { ok: false, reply: ORACLE_REPLIES.invalidAuthorizeUrl };

  const visitor = checkVisitorContext(fields.visitorContext, template);
  if (!visitor.ok) return visitor;

  return {
    ok: true,
    start: {
      contactId,
      userPhone,
      delaySeconds,
      when,
      userExtension: userExtension || undefined,
      callAgentFirst,
      authorizeUrl,
      authEncrypted,
      ...visitor.visitor,
    },
  };
}

/** JSONP start: the same fields as flat query parameters; visitor fields and optional data at top level. */
export function startBodyFromQuery(query: URLSearchParams): Record<string, unknown> {
  const top = ['delay', 'userExtension', 'when', 'callAgentFirst', 'authorizeUrl', 'authEncrypted'];
  const ignored = ['callback', '_'];
  const body: Record<string, unknown> = {};
  const visitorContext: Record<string, unknown> = {};
  for (const [name, value] of query) {
    if (ignored.includes(name)) continue;
    if (top.includes(name)) body[name] = value;
    else visitorContext[name] = value;
  }
  if (Object.keys(visitorContext).length > 0) body.visitorContext = visitorContext;
  return body;
}
