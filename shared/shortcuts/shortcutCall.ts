import { isFinalState, type CallRecord } from '../callModel';

export type CallCommand = 'hangUp' | 'holdResume';

export type CallChoice =
  | { ok: true; call: CallRecord; channel: 'call.hangup' | 'call.hold' | 'call.retrieve' }
  | { ok: false; reason: string };

function channelFor(call: CallRecord, command: CallCommand): 'call.hangup' | 'call.hold' | 'call.retrieve' | undefined {
  if (isFinalState(call.state)) return undefined;
  if (command === 'hangUp') return call.actions.includes('hangup') || call.actions.includes('cancel') ? 'call.hangup' : undefined;
  if (call.actions.includes('retrieve')) return 'call.retrieve';
  return call.actions.includes('hold') ? 'call.hold' : undefined;
}

const NOTHING: Record<CallCommand, string> = {
  hangUp: 'There is no call to hang up.',
  holdResume: 'There is no call to hold or resume.',
};

const NOT_THIS: Record<CallCommand, string> = {
  hangUp: 'The focused call cannot be hung up.',
  holdResume: 'The focused call cannot be held or resumed.',
};

/** A call waiting for its start time is the last one a "hang up" key means. */
const rank = (call: CallRecord): number => (call.state === 'scheduled' ? 0 : 1);

/**
 * The call a hang-up or hold key acts on: the focused call when the focus is in one (and
 * never another in its place), else the latest call the command applies to, calls in
 * progress before scheduled ones.
 */
export function callForShortcut(calls: readonly CallRecord[], command: CallCommand, focusedCallId?: string): CallChoice {
  if (focusedCallId !== undefined) {
    const focused = calls.find((call) => call.id === focusedCallId);
    if (focused) {
      const channel = channelFor(focused, command);
      return channel ? { ok: true, call: focused, channel } : { ok: false, reason: NOT_THIS[command] };
    }
  }
  const candidates = calls
    .flatMap((call) => {
      const channel = channelFor(call, command);
      return channel ? [{ call, channel }] : [];
    })
    .sort((a, b) => rank(b.call) - rank(a.call) || b.call.createdAt - a.call.createdAt);
  const chosen = candidates[0];
  return chosen ? { ok: true, ...chosen } : { ok: false, reason: NOTHING[command] };
}
