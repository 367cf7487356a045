import { z } from 'zod';

export const ORACLE_CALL_STATES = ['unknown', 'scheduled', 'initiated', 'connected', 'disconnected'] as const;
export type OracleCallState = (typeof ORACLE_CALL_STATES)[number];

/** A status object read leniently (vendors/oracle.md §6 rule 7). */
export interface OracleStatus {
  sessionId: string | undefined;
  callState: OracleCallState;
  /** The vendor's own spelling, kept for the timeline. */
  rawCallState: string;
  /** Epoch ms when the state began. */
  time: number | undefined;
  /** Epoch ms of a scheduled call's start. */
  scheduledTime: number | undefined;
  more: 'yes' | 'no' | 'maybe';
}

const Loose = z.union([z.number(), z.string()]).optional();
const StatusSchema = z
  .object({
    sessionId: z.string().optional(),
    sessionid: z.string().optional(),
    callState: z.string(),
    time: Loose,
    scheduledTime: Loose,
    more: z.string().optional(),
  })
  .loose();

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2}) (\d{1,2}):(\d{2}):(\d{2})$/;

/**
 * `time` as documented in the wild: a number, a numeric string with a leading space, or
 * `YYYY-MM-DD H:MM:SS` (read as UTC: the docs name no zone). Seconds, or ms when that large.
 */
export function parseOracleTime(value: number | string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (/^[0-9]+$/.test(text)) {
    const number = Number(text);
    return number > 1e12 ? number : number * 1000;
  }
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  return Date.UTC(year ?? 0, (month ?? 1) - 1, day ?? 1, hour ?? 0, minute ?? 0, second ?? 0);
}

function knownState(text: string): OracleCallState {
  const lower = text.trim().toLowerCase();
  return (ORACLE_CALL_STATES as readonly string[]).includes(lower) ? (lower as OracleCallState) : 'unknown';
}

export function parseOracleStatus(text: string): OracleStatus | undefined {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = StatusSchema.safeParse(json);
  if (!parsed.success) return undefined;
  const { sessionId, sessionid, callState, time, scheduledTime, more } = parsed.data;
  const moreText = more?.trim().toLowerCase();
  return {
    sessionId: sessionId ?? sessionid,
    callState: knownState(callState),
    rawCallState: callState,
    time: parseOracleTime(time),
    scheduledTime: parseOracleTime(scheduledTime),
    more: moreText === 'yes' || moreText === 'no' ? moreText : 'maybe',
  };
}

const StartSchema = z.object({ sessionId: z.string().min(1).max(256).optional(), sessionid: z.string().min(1).max(256).optional() }).loose();

/** `{"sessionId":"…"}` (or the `sessionid` spelling of the examples); undefined when absent. */
export function parseStartSessionId(text: string): string | undefined {
  try {
    const parsed = StartSchema.safeParse(JSON.parse(text));
    return parsed.success ? (parsed.data.sessionId ?? parsed.data.sessionid) : undefined;
  } catch {
    return undefined;
  }
}

const EndSchema = z.object({ callState: z.string() }).loose();

/** `{"callState":"ended"}`; the raw text when it is something else. */
export function parseEndState(text: string): string | undefined {
  try {
    const parsed = EndSchema.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data.callState : undefined;
  } catch {
    return undefined;
  }
}

const ErrorJsonSchema = z.object({ reason: z.string().optional(), message: z.string().optional() }).loose();

/** Error bodies are unspecified: plain text, or JSON with `reason`/`message`; else the HTTP status. */
export function vendorText(status: number, body: string): string {
  const text = body.trim();
  if (text === '') return `HTTP ${status}`;
  try {
    const parsed = ErrorJsonSchema.safeParse(JSON.parse(text));
    const words = parsed.success ? (parsed.data.reason ?? parsed.data.message) : undefined;
    if (words !== undefined) return words;
  } catch {
    // Not JSON: the text is the message.
  }
  return text.slice(0, 300);
}
