import { create } from 'zustand';
import { STATE_LABELS, isFinalState, type CallRecord } from '../../../shared/callModel';
import type { AppEvent, Bootstrap } from '../../../shared/ipc/contract';
import type { SessionState } from '../../../shared/session';
import { callName, describeTarget } from '../features/calls/callText';

export interface AlertItem {
  id: number;
  title: string;
  vendorMessage?: string;
  hint?: string;
}

export interface Prefill {
  seq: number;
  profileId?: string;
  number: string;
  postDial?: string;
}

interface LiveState {
  calls: Record<string, CallRecord>;
  sessions: Record<string, SessionState>;
  alerts: AlertItem[];
  announcement: string;
  prefill: Prefill | undefined;
  dismissed: Record<string, true>;
  load(bootstrap: Bootstrap): void;
  apply(events: readonly AppEvent[]): void;
  alert(alert: Omit<AlertItem, 'id'>): void;
  dismissAlert(id: number): void;
  dismissCall(id: string): void;
  /** Says something to screen readers (the polite live region) without an alert. */
  announce(message: string): void;
}

let alertSeq = 0;

function sessionAlert(profileId: string, error: NonNullable<SessionState['error']>): AlertItem {
  return {
    id: ++alertSeq,
    title: `${profileId}: ${error.message}`,
    ...(error.vendorMessage ? { vendorMessage: error.vendorMessage } : {}),
    ...(error.hint ? { hint: error.hint } : {}),
  };
}
let prefillSeq = 0;

/** Live call and session state, fed by main's events (zustand). */
export const useLive = create<LiveState>((set) => ({
  calls: {},
  sessions: {},
  alerts: [],
  announcement: '',
  prefill: undefined,
  dismissed: {},
  // Events that arrived while the bootstrap was in flight are newer than its snapshot: they
  // win. A session that failed before the window opened is alerted like a live failure.
  load: (bootstrap) =>
    set((state) => {
      const fresh = bootstrap.sessions.filter((session) => !state.sessions[session.profileId]);
      return {
        calls: { ...Object.fromEntries(bootstrap.calls.map((call) => [call.id, call])), ...state.calls },
        sessions: { ...Object.fromEntries(bootstrap.sessions.map((session) => [session.profileId, session])), ...state.sessions },
        alerts: [...state.alerts, ...fresh.flatMap((session) => (session.error ? [sessionAlert(session.profileId, session.error)] : []))],
      };
    }),
  apply: (events) =>
    set((state) => {
      let calls = state.calls;
      let sessions = state.sessions;
      let alerts = state.alerts;
      let prefill = state.prefill;
      const spoken: string[] = [];
      for (const event of events) {
        switch (event.type) {
          case 'call.updated': {
            const before = calls[event.call.id];
            if (calls === state.calls) calls = { ...calls };
            calls[event.call.id] = event.call;
            if (before?.state !== event.call.state) spoken.push(`${describeTarget(event.call)}: ${STATE_LABELS[event.call.state]}`);
            if (event.call.state === 'failed' && before?.state !== 'failed' && event.call.failure) {
              alerts = [...alerts, { id: ++alertSeq, title: `${callName(event.call)} failed`, vendorMessage: event.call.failure.message, ...(event.call.failure.hint ? { hint: event.call.failure.hint } : {}) }];
            }
            break;
          }
          case 'session.updated': {
            const before = sessions[event.session.profileId];
            sessions = { ...sessions, [event.session.profileId]: event.session };
            if (event.session.error && (before?.status !== event.session.status || before?.error?.message !== event.session.error.message)) {
              alerts = [...alerts, sessionAlert(event.session.profileId, event.session.error)];
            }
            break;
          }
          case 'notice':
            if (event.level !== 'info') alerts = [...alerts, { id: ++alertSeq, title: event.message }];
            else spoken.push(event.message);
            break;
          case 'dial.prefill':
            prefill = { seq: ++prefillSeq, number: event.number, ...(event.profileId ? { profileId: event.profileId } : {}), ...(event.postDial ? { postDial: event.postDial } : {}) };
            break;
        }
      }
      return {
        calls,
        sessions,
        alerts,
        prefill,
        announcement: spoken.length > 0 ? spoken.slice(-3).join('. ') : state.announcement,
      };
    }),
  alert: (alert) => set((state) => ({ alerts: [...state.alerts, { ...alert, id: ++alertSeq }] })),
  dismissAlert: (id) => set((state) => ({ alerts: state.alerts.filter((alert) => alert.id !== id) })),
  dismissCall: (id) => set((state) => ({ dismissed: { ...state.dismissed, [id]: true } })),
  announce: (message) => set({ announcement: message }),
}));

const FINISHED_SHOWN = 5;

/** Live calls first (newest first), then the last few finished ones until dismissed. */
export function visibleCalls(calls: Record<string, CallRecord>, dismissed: Record<string, true>): CallRecord[] {
  const all = Object.values(calls).filter((call) => !dismissed[call.id]).sort((a, b) => b.createdAt - a.createdAt);
  const live = all.filter((call) => !isFinalState(call.state));
  const finished = all.filter((call) => isFinalState(call.state)).slice(0, FINISHED_SHOWN);
  return [...live, ...finished];
}

/**
 * Events are buffered and applied once per animation frame, so a burst of vendor events
 * costs one render, not hundreds.
 */
export function startEventPump(subscribe: (listener: (event: AppEvent) => void) => () => void): () => void {
  let buffer: AppEvent[] = [];
  let scheduled = false;
  const flush = (): void => {
    scheduled = false;
    const events = buffer;
    buffer = [];
    useLive.getState().apply(events);
  };
  return subscribe((event) => {
    buffer.push(event);
    if (!scheduled) {
      scheduled = true;
      requestAnimationFrame(flush);
    }
  });
}
