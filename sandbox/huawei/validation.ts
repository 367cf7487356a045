import { z } from 'zod';
import { parseJson } from '../framework/emulatorServer';
import { RETCODE, RETCODE_MESSAGES, type Retcode } from './retcodes';

/**
 * Request rules of the gateway (vendors/huawei.md §6–§7), as pure functions: each parser
 * answers the typed request or the retcode the gateway sends for it.
 */

export const CALLED_PATTERN = /^[0-9*#]{1,24}$/;
export const CALLER_PATTERN = /^[0-9]{1,24}$/;
export const DTMF_PATTERN = /^[0-9*#]{1,24}$/;
export const PHONE_NUMBER_PATTERN = /^[0-9]{1,24}$/;
/** "The maximum value is 16 KB", counted in UTF-8 bytes. */
export const CALL_APP_DATA_MAX_BYTES = 16_384;
export const PASSWORD_MAX_LENGTH = 32;
const AGENT_ID_MIN = 101;
const AGENT_ID_MAX = 59_999;

export interface Rejection {
  ok: false;
  retcode: Retcode;
  message: string;
}
export type Parsed<T> = { ok: true; value: T } | Rejection;

export function reject(retcode: Retcode, detail?: string): Rejection {
  const base = RETCODE_MESSAGES[retcode];
  return { ok: false, retcode, message: detail ? `${base} ${detail}` : base };
}

const accept = <T>(value: T): Parsed<T> => ({ ok: true, value });

export function isAgentId(value: string): boolean {
  if (!/^[1-9][0-9]{2,4}$/.test(value)) return false;
  const id = Number(value);
  return id >= AGENT_ID_MIN && id <= AGENT_ID_MAX;
}

// The documentation's samples send numbers and booleans as strings; the gateway accepts both.
const digitsLike = z.union([z.string(), z.number().int().nonnegative().transform(String)]);
const intLike = z.union([z.number().int().nonnegative(), z.string().regex(/^[0-9]{1,9}$/).transform(Number)]);
const boolLike = z.union([z.boolean(), z.enum(['true', 'false']).transform((value) => value === 'true')]);
const blankToUndefined = (value: unknown): unknown => (value === '' || value === null ? undefined : value);

const utf8Bytes = (text: string): number => Buffer.byteLength(text, 'utf8');

const CalloutBodySchema = z.object({
  caller: z.preprocess(blankToUndefined, digitsLike.optional()),
  called: digitsLike,
  skillid: z.preprocess(blankToUndefined, intLike.optional()),
  callappdata: z.preprocess((value) => (value === null ? undefined : value), z.string().optional()),
  mediaability: z.preprocess(blankToUndefined, intLike.optional()),
});

export type MediaAbility = 0 | 1 | 2;

export interface CalloutRequest {
  /** Undefined: the platform's default calling number is used. */
  caller: string | undefined;
  called: string;
  /** Undefined: the platform's default skill queue is used. */
  skillId: number | undefined;
  callAppData: string;
  mediaAbility: MediaAbility;
}

export function parseCalloutBody(rawBody: string): Parsed<CalloutRequest> {
  const parsed = CalloutBodySchema.safeParse(parseJson(rawBody));
  if (!parsed.success) return reject(RETCODE.invalidParameter, `(${issuePath(parsed.error)})`);
  const { caller, called, skillid, callappdata = '', mediaability = 0 } = parsed.data;
  if (!CALLED_PATTERN.test(called)) return reject(RETCODE.invalidParameter, '(called)');
  if (caller !== undefined && !CALLER_PATTERN.test(caller)) return reject(RETCODE.invalidParameter, '(caller)');
  if (utf8Bytes(callappdata) > CALL_APP_DATA_MAX_BYTES) return reject(RETCODE.invalidParameter, '(callappdata)');
  if (mediaability !== 0 && mediaability !== 1 && mediaability !== 2) return reject(RETCODE.invalidParameter, '(mediaability)');
  return accept({ caller, called, skillId: skillid, callAppData: callappdata, mediaAbility: mediaability });
}

const CallInnerBodySchema = z.object({
  called: digitsLike,
  caller: z.preprocess(blankToUndefined, digitsLike.optional()),
  skillid: z.preprocess(blankToUndefined, intLike.optional()),
  callappdata: z.preprocess((value) => (value === null ? undefined : value), z.string().optional()),
});

export interface CallInnerRequest {
  /** The called agent's ID. */
  called: string;
  caller: string | undefined;
  skillId: number | undefined;
  callAppData: string;
}

export function parseCallInnerBody(rawBody: string): Parsed<CallInnerRequest> {
  const parsed = CallInnerBodySchema.safeParse(parseJson(rawBody));
  if (!parsed.success) return reject(RETCODE.invalidParameter, `(${issuePath(parsed.error)})`);
  const { called, caller, skillid, callappdata = '' } = parsed.data;
  if (!isAgentId(called)) return reject(RETCODE.invalidParameter, '(called)');
  if (caller !== undefined && !CALLER_PATTERN.test(caller)) return reject(RETCODE.invalidParameter, '(caller)');
  if (utf8Bytes(callappdata) > CALL_APP_DATA_MAX_BYTES) return reject(RETCODE.invalidParameter, '(callappdata)');
  return accept({ called, caller, skillId: skillid, callAppData: callappdata });
}

const SignInBodySchema = z.object({
  password: z.preprocess((value) => (value === null ? undefined : value), z.string().max(PASSWORD_MAX_LENGTH).optional()),
  phonenum: z.preprocess(blankToUndefined, digitsLike.optional()),
  autoanswer: boolLike.optional(),
  autoenteridle: boolLike.optional(),
  releasephone: boolLike.optional(),
  agenttype: z.preprocess(blankToUndefined, intLike.optional()),
  status: z.preprocess(blankToUndefined, intLike.optional()),
  ip: z.string().optional(),
  phonelinkage: z.unknown().optional(),
  callBackUri: z.preprocess(blankToUndefined, z.string().optional()),
  serviceToken: z.preprocess(blankToUndefined, z.string().optional()),
});

/** Agent state codes of `agentstatus` (vendors/huawei.md §7). */
export const AGENT_STATE = { busy: 3, idle: 4, wrapUp: 5, talking: 7 } as const;
export type SignInStatus = typeof AGENT_STATE.busy | typeof AGENT_STATE.idle | typeof AGENT_STATE.wrapUp;

export interface SignInRequest {
  password: string;
  /** Undefined: the phone configured for the agent is bound. */
  phonenum: string | undefined;
  autoAnswer: boolean;
  autoEnterIdle: boolean;
  releasePhone: boolean;
  status: SignInStatus;
  /** `callBackUri` and `serviceToken` both present: events are pushed, polling is refused. */
  pushMode: boolean;
}

/** The only agent type the sandbox provisions: PC + phone. */
export const AGENT_TYPE_PC_PHONE = 4;

export function parseSignInBody(rawBody: string): Parsed<SignInRequest> {
  const parsed = SignInBodySchema.safeParse(parseJson(rawBody));
  if (!parsed.success) return reject(RETCODE.signInParameterInvalid, `(${issuePath(parsed.error)})`);
  const body = parsed.data;
  if (body.phonenum !== undefined && !PHONE_NUMBER_PATTERN.test(body.phonenum)) return reject(RETCODE.phoneNumberInvalid);
  if (body.agenttype !== undefined && body.agenttype !== AGENT_TYPE_PC_PHONE) return reject(RETCODE.wrongAgentType);
  const status = body.status ?? AGENT_STATE.idle;
  if (status !== AGENT_STATE.busy && status !== AGENT_STATE.idle && status !== AGENT_STATE.wrapUp) {
    return reject(RETCODE.signInParameterError, '(status)');
  }
  return accept({
    password: body.password ?? '',
    phonenum: body.phonenum,
    autoAnswer: body.autoanswer ?? true,
    autoEnterIdle: body.autoenteridle ?? true,
    releasePhone: body.releasephone ?? true,
    status,
    pushMode: body.callBackUri !== undefined && body.serviceToken !== undefined,
  });
}

/** `number` of seconddialex, already URL-decoded (`%23` → `#`). */
export function parseDtmfNumber(value: string | null): Parsed<string> {
  if (value === null || !DTMF_PATTERN.test(value)) return reject(RETCODE.invalidParameter, '(number)');
  return accept(value);
}

/** `resetskill/{autoflag}`: `true` signs in every configured skill, `false` the `skillid=1;2;3` list. */
export function parseSkillSelection(autoflag: string, skillIdQuery: string | null): Parsed<'all' | number[]> {
  if (autoflag === 'true') return accept('all');
  if (autoflag !== 'false') return reject(RETCODE.invalidParameter, '(autoflag)');
  const ids = (skillIdQuery ?? '').split(';').filter((part) => part !== '');
  if (ids.length === 0 || !ids.every((id) => /^[0-9]{1,9}$/.test(id))) return reject(RETCODE.invalidParameter, '(skillid)');
  return accept(ids.map(Number));
}

/** `saybusy?reason=200`; the reason code is optional. */
export function parseBusyReason(value: string | null): Parsed<string> {
  if (value === null || value === '') return accept('0');
  if (!/^[0-9]{1,9}$/.test(value)) return reject(RETCODE.invalidParameter, '(reason)');
  return accept(value);
}

/** `gethold?callid=…`: call ids look like `1455885056-1095`. */
export function parseCallId(value: string | null): Parsed<string> {
  if (value === null || !/^[0-9]{1,12}-[0-9]{1,12}$/.test(value)) return reject(RETCODE.invalidParameter, '(callid)');
  return accept(value);
}

function issuePath(error: z.ZodError): string {
  const issue = error.issues[0];
  return issue && issue.path.length > 0 ? issue.path.join('.') : 'body';
}
