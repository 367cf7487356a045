import type { CallObservation } from '../adapter';
import type { OracleStatus } from './statusResponse';

export type ObservedState = Pick<CallObservation, 'state' | 'rawState' | 'actions' | 'failure'>;

export interface PollTiming {
  statusPollMs: number;
  scheduledPollMs: number;
}

export interface StatusReading {
  /** What to report; undefined when the status says nothing (`unknown`). */
  observed: ObservedState | undefined;
  /** Milliseconds to the next poll, or stop. */
  next: number | 'stop';
}

/**
 * One status → our state and the next poll. scheduled → scheduled, initiated → dialing,
 * connected → connected, disconnected → ended once it had connected, otherwise failed
 * (busy, no answer: vendors/oracle.md §4). `more: "no"` ends polling, except for a scheduled
 * call (Oracle says "no" until it starts): that one is polled slowly until its start time.
 */
export function readStatus(status: OracleStatus, history: { sawConnected: boolean }, timing: PollTiming, now: number, expectedStart: number | undefined): StatusReading {
  const raw = status.rawCallState;
  switch (status.callState) {
    case 'scheduled': {
      const startsAt = status.scheduledTime ?? expectedStart;
      const untilStart = startsAt === undefined ? timing.scheduledPollMs : startsAt - now;
      const next = Math.min(timing.scheduledPollMs, Math.max(timing.statusPollMs, untilStart));
      return { observed: { state: 'scheduled', rawState: raw, actions: ['cancel'] }, next };
    }
    case 'disconnected':
      return {
        observed: history.sawConnected
          ? { state: 'ended', rawState: raw, actions: [] }
          : {
              state: 'failed',
              rawState: raw,
              actions: [],
              failure: {
                code: 'DISCONNECTED_BEFORE_CONNECTED',
                message: raw,
                hint: 'Oracle reports the call disconnected before it connected: busy, no answer or unreachable (Oracle does not say which).',
              },
            },
        next: 'stop',
      };
    case 'unknown':
      return status.more === 'no' ? { observed: stoppedReporting(raw), next: 'stop' } : { observed: undefined, next: timing.statusPollMs };
    case 'initiated':
    case 'connected': {
      if (status.more === 'no') return { observed: stoppedReporting(raw), next: 'stop' };
      return { observed: { state: status.callState === 'initiated' ? 'dialing' : 'connected', rawState: raw, actions: ['hangup'] }, next: timing.statusPollMs };
    }
  }
}

/** `more: "no"` on a call that is not over: Oracle will say nothing more, so the outcome is unknown. */
function stoppedReporting(raw: string): ObservedState {
  return {
    state: 'unknown',
    rawState: raw,
    actions: [],
    failure: {
      code: 'NO_MORE_STATUS',
      message: `${raw} (more: no)`,
      hint: 'Oracle stopped reporting this call before it ended; check the phones.',
    },
  };
}
