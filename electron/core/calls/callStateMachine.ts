import { isFinalState, type CallState } from '../../../shared/callModel';

/**
 * Which state changes a vendor event may cause. Anything else is a stale or out-of-order
 * event (a late `Dialing` after `Established`, say) and is kept in the log, not applied.
 */
const NEXT: Readonly<Record<CallState, readonly CallState[]>> = {
  requested: ['scheduled', 'dialing', 'ringing', 'connected', 'held', 'ended', 'failed', 'accepted', 'unknown'],
  scheduled: ['dialing', 'ringing', 'connected', 'ended', 'failed', 'unknown'],
  dialing: ['ringing', 'connected', 'held', 'ended', 'failed', 'unknown'],
  ringing: ['connected', 'held', 'ended', 'failed', 'unknown'],
  connected: ['held', 'ended', 'failed', 'unknown'],
  held: ['connected', 'ended', 'failed', 'unknown'],
  // A resync resolves an unknown outcome to whatever the vendor says now.
  unknown: ['scheduled', 'dialing', 'ringing', 'connected', 'held', 'ended', 'failed', 'accepted'],
  ended: [],
  failed: [],
  accepted: [],
};

export type TransitionVerdict = 'apply' | 'same' | 'reject';

export function judgeTransition(from: CallState, to: CallState): TransitionVerdict {
  if (from === to) return isFinalState(from) ? 'reject' : 'same';
  return NEXT[from].includes(to) ? 'apply' : 'reject';
}
