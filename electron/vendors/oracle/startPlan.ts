import type { Schedule } from '../../../shared/ipc/contract';
import type { OracleVisitorContext } from '../../../shared/vendors/oracle';
import { ORACLE_LIMITS } from '../../../shared/vendors/oracleLimits';
import type { DialIntent } from '../adapter';
import { invalidDial } from './validationError';

/** The JSON body of a start-call request; only the fields a call uses are present. */
export interface OracleStartBody {
  delay?: number;
  when?: string;
  userExtension?: string;
  callAgentFirst?: boolean;
  authorizeUrl?: string;
  authEncrypted?: boolean;
  visitorContext?: Record<string, string>;
}

export interface OracleStartPlan {
  /** E.164 digits without '+', the path element. */
  userPhone: string;
  body: OracleStartBody;
  /** When a scheduled call is due (epoch ms); paces the status polls. */
  startsAt: number | undefined;
}

export interface OracleAuthorization {
  url: string;
  encrypted: boolean;
}

export function oracleUserPhone(number: string): string {
  const digits = number.startsWith('+') ? number.slice(1) : number;
  if (!ORACLE_LIMITS.userPhoneDigits.test(digits)) {
    throw invalidDial(
      'target.number',
      `Oracle cannot call "${number}": it needs a number in E.164 format, country code first, 8 to 15 digits.`,
      'Enter the number with its country code, e.g. +1 202 634 5789.',
    );
  }
  return digits;
}

/** Post-dial digits → `userExtension`, the documented characters only. */
export function oracleUserExtension(postDial: string | undefined): string | undefined {
  if (postDial === undefined || postDial === '') return undefined;
  if (!ORACLE_LIMITS.userExtension.test(postDial)) {
    const foreign = [...new Set(postDial.replace(/[0-9.,*#]/g, ''))].map((c) => `"${c}"`).join(', ');
    throw invalidDial(
      'target.postDial',
      `Oracle post-dial digits (userExtension) can only contain 0-9 . , * and #; ${foreign} cannot be sent.`,
      '"," waits 2 s and "." silences the prompts; remove the other characters.',
    );
  }
  return postDial;
}

/** RFC 2822 in UTC: ECMAScript fixes toUTCString as `Mon, 29 Jul 2013 16:30:00 GMT`. */
export function formatRfc2822(ms: number): string {
  return new Date(ms).toUTCString().replace(/GMT$/, '+0000');
}

/**
 * A schedule → `delay` (seconds) or `when` (RFC 2822). Minutes convert to seconds exactly;
 * a start time must be in the future and on a whole second, as `when` cannot say less.
 */
export function oracleSchedule(schedule: Schedule | undefined, now: number): { delay?: number; when?: string; startsAt?: number } {
  if (schedule === undefined) return {};
  if (schedule.kind === 'in') {
    const seconds = schedule.unit === 'minutes' ? schedule.amount * 60 : schedule.amount;
    if (seconds > ORACLE_LIMITS.maxDelaySeconds) {
      throw invalidDial(
        'schedule',
        `Oracle delays calls by at most ${ORACLE_LIMITS.maxDelaySeconds} seconds (15 minutes); ${schedule.amount} ${schedule.unit} is too long.`,
        'Use "Start at" for a later time.',
      );
    }
    return { delay: seconds, startsAt: now + seconds * 1000 };
  }
  const at = Date.parse(schedule.at);
  if (Number.isNaN(at)) throw invalidDial('schedule', `"${schedule.at}" is not a date and time.`);
  if (at % 1000 !== 0) {
    throw invalidDial('schedule', 'Oracle schedules calls to the second: the start time has a fraction of a second.', 'Choose a time on a whole second.');
  }
  if (at <= now) {
    throw invalidDial('schedule', 'The start time has passed: Oracle needs a start time in the future.', 'Choose a later time, or call now.');
  }
  return { when: formatRfc2822(at), startsAt: at };
}

/** The visitor context, flattened: optional data fields sit beside visitorId, referrerUrl and language. */
export function oracleVisitorContext(context: OracleVisitorContext | undefined): Record<string, string> | undefined {
  if (context === undefined) return undefined;
  const { visitorId, referrerUrl, language, data = {} } = context;
  const flat: Record<string, string> = {};
  if (visitorId !== undefined) {
    if (visitorId.length > ORACLE_LIMITS.maxVisitorTextLength) {
      throw invalidDial('options.visitorContext.visitorId', `The visitor id is longer than ${ORACLE_LIMITS.maxVisitorTextLength} characters.`);
    }
    flat.visitorId = visitorId;
  }
  if (referrerUrl !== undefined) {
    if (referrerUrl.length > ORACLE_LIMITS.maxReferrerUrlLength || !isWebUrl(referrerUrl)) {
      throw invalidDial('options.visitorContext.referrerUrl', 'The referrer URL must be an http or https address of at most 2048 characters.');
    }
    flat.referrerUrl = referrerUrl;
  }
  if (language !== undefined) {
    if (!ORACLE_LIMITS.language.test(language)) {
      throw invalidDial('options.visitorContext.language', `Oracle needs a two-letter ISO language code, e.g. "en"; "${language}" is not one.`);
    }
    flat.language = language;
  }
  const fields = Object.entries(data);
  if (fields.length > ORACLE_LIMITS.maxVisitorDataFields) {
    throw invalidDial('options.visitorContext.data', `Oracle takes at most ${ORACLE_LIMITS.maxVisitorDataFields} optional data fields; this call has ${fields.length}.`);
  }
  for (const [name, value] of fields) {
    const path = `options.visitorContext.data.${name}`;
    if (!ORACLE_LIMITS.visitorDataName.test(name) || ORACLE_LIMITS.reservedVisitorNames.includes(name)) {
      throw invalidDial(path, `"${name}" cannot name an optional data field: use its account label (e.g. CustRef) or var1…var10.`);
    }
    if (value.length > ORACLE_LIMITS.maxVisitorTextLength) {
      throw invalidDial(path, `The value of ${name} is longer than ${ORACLE_LIMITS.maxVisitorTextLength} characters.`);
    }
    flat[name] = value;
  }
  return flat;
}

function isWebUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return url.protocol === 'http:' || url.protocol === 'https:';
  } catch {
    return false;
  }
}

/** `authorizeUrl`/`authEncrypted`: a plain value must be a web address; an encrypted one is opaque. */
export function oracleAuthorization(authorization: OracleAuthorization | undefined): Pick<OracleStartBody, 'authorizeUrl' | 'authEncrypted'> {
  if (authorization === undefined) return {};
  const { url, encrypted } = authorization;
  if (url === '' || url.length > ORACLE_LIMITS.maxAuthorizeUrlLength || (!encrypted && !isWebUrl(url))) {
    throw invalidDial(
      'authorizeUrl',
      `The profile's authorizeUrl must be ${encrypted ? 'the encrypted value' : 'an http or https address'} of at most ${ORACLE_LIMITS.maxAuthorizeUrlLength} characters.`,
      "Correct the profile's authorizeUrl in Settings.",
    );
  }
  return { authorizeUrl: url, authEncrypted: encrypted };
}

export function planOracleStart(
  intent: DialIntent,
  defaults: { callAgentFirst: boolean; authorization: OracleAuthorization | undefined },
  now: number,
): OracleStartPlan {
  if (intent.target.kind !== 'phone') {
    throw invalidDial('target', "Oracle Click-to-Call calls phone numbers only; the call template decides the agent's leg.");
  }
  if (intent.from !== undefined && Object.values(intent.from).some((value) => value !== undefined)) {
    throw invalidDial('from', "Oracle places calls from the call template's agent leg; the caller cannot be chosen per call.");
  }
  if (intent.options !== undefined && intent.options.vendor !== 'oracle') {
    throw invalidDial('options', `These are ${intent.options.vendor} options; this profile places calls with Oracle.`);
  }
  const userPhone = oracleUserPhone(intent.target.number);
  const userExtension = oracleUserExtension(intent.target.postDial);
  const { startsAt, ...schedule } = oracleSchedule(intent.schedule, now);
  const visitorContext = oracleVisitorContext(intent.options?.visitorContext);
  const callAgentFirst = intent.options?.callAgentFirst ?? defaults.callAgentFirst;
  return {
    userPhone,
    startsAt,
    body: {
      ...schedule,
      ...(userExtension !== undefined ? { userExtension } : {}),
      ...(callAgentFirst ? { callAgentFirst: true } : {}),
      ...oracleAuthorization(defaults.authorization),
      ...(visitorContext !== undefined ? { visitorContext } : {}),
    },
  };
}
