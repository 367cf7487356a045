import type { OracleCallState, OracleSession } from './sessions';

/** `more` per state (vendors/oracle.md §4 table). */
const MORE: Record<OracleCallState, 'yes' | 'no'> = { scheduled: 'no', initiated: 'yes', connected: 'yes', disconnected: 'no' };

const seconds = (ms: number): number => Math.floor(ms / 1000);
const pad = (n: number): string => String(n).padStart(2, '0');
/** `2013-07-25 4:35:50`, the documented example's unpadded hour. */
const legacyDateTime = (ms: number, padHour: boolean): string => {
  const d = new Date(ms);
  const hour = padHour ? pad(d.getUTCHours()) : String(d.getUTCHours());
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${hour}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};

/**
 * The status object. Default: `sessionId` and integer epoch seconds. Legacy quirks: the
 * documented examples' forms — `sessionid`, `time` as a string with a leading space, and
 * date-time strings for a scheduled call.
 */
export function statusBody(session: OracleSession, state: OracleCallState, since: number, hasChanged: boolean, legacy: boolean): Record<string, unknown> {
  const scheduledTime = state === 'scheduled' && session.scheduledFor !== undefined ? session.scheduledFor : undefined;
  const time = legacy ? (state === 'scheduled' ? legacyDateTime(since, false) : ` ${seconds(since)}`) : seconds(since);
  return {
    [legacy ? 'sessionid' : 'sessionId']: session.sessionId,
    callState: state,
    time,
    ...(scheduledTime !== undefined ? { scheduledTime: legacy ? legacyDateTime(scheduledTime, true) : seconds(scheduledTime) } : {}),
    more: MORE[state],
    hasChanged: hasChanged ? 'yes' : 'no',
  };
}
