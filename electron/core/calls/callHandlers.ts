import { AppError } from '../../../shared/errors';
import { STATE_LABELS, VENDOR_LABELS, isFinalState, type CallAction, type CallRecord } from '../../../shared/callModel';
import type { CallRef } from '../../vendors/adapter';
import type { Handlers } from '../ipc/contractRouter';
import type { ProfileSession } from '../sessions/profileSession';
import type { SessionDirectory } from '../sessions/sessionDirectory';
import type { CallRegistry } from './callRegistry';
import type { DialService } from './dialService';

const ACTION_WORDS: Record<CallAction, string> = {
  hangup: 'Hanging up',
  hold: 'Holding',
  retrieve: 'Resuming',
  dtmf: 'Sending digits',
  cancel: 'Cancelling',
};

type CallHandlers = Pick<Handlers, 'call.dial' | 'call.hangup' | 'call.hold' | 'call.retrieve' | 'call.sendDigits'>;

/** The call.* channels: dial through the guard, and actions only where the call allows them now. */
export function createCallHandlers(registry: CallRegistry, sessions: SessionDirectory, dialService: DialService): CallHandlers {
  const callFor = (callId: string, action: CallAction): { call: CallRecord; session: ProfileSession } => {
    const call = registry.get(callId);
    if (!call) throw new AppError({ code: 'NOT_FOUND', message: 'That call is no longer known to the softphone.' });
    if (isFinalState(call.state)) throw new AppError({ code: 'NOT_SUPPORTED', message: 'That call has already ended.' });
    if (!call.actions.includes(action)) {
      throw new AppError({ code: 'NOT_SUPPORTED', message: `${ACTION_WORDS[action]} is not possible while the call is ${STATE_LABELS[call.state].toLowerCase()}.` });
    }
    return { call, session: sessions.get(call.profileId) };
  };
  const ref = (call: CallRecord): CallRef => ({ localId: call.id, ...(call.vendorCallId ? { vendorCallId: call.vendorCallId } : {}) });
  const unsupported = (session: ProfileSession): AppError =>
    new AppError({ code: 'NOT_SUPPORTED', message: `${VENDOR_LABELS[session.profile.vendor]} does not support this.` });

  return {
    'call.dial': (request) => dialService.dial(request),
    'call.hangup': async ({ callId }) => {
      const known = registry.get(callId);
      const action: CallAction = known?.state === 'scheduled' && known.actions.includes('cancel') ? 'cancel' : 'hangup';
      const { call, session } = callFor(callId, action);
      if (action === 'hangup') await session.adapter.hangup(ref(call));
      else if (session.adapter.cancel) await session.adapter.cancel(ref(call));
      else throw unsupported(session);
      return {};
    },
    'call.hold': async ({ callId }) => {
      const { call, session } = callFor(callId, 'hold');
      if (!session.adapter.hold) throw unsupported(session);
      await session.adapter.hold(ref(call));
      return {};
    },
    'call.retrieve': async ({ callId }) => {
      const { call, session } = callFor(callId, 'retrieve');
      if (!session.adapter.retrieve) throw unsupported(session);
      await session.adapter.retrieve(ref(call));
      return {};
    },
    'call.sendDigits': async ({ callId, digits }) => {
      if (!/^[0-9*#]+$/.test(digits)) throw new AppError({ code: 'VALIDATION', message: 'Digits may only contain 0–9, * and #.', path: 'digits' });
      const { call, session } = callFor(callId, 'dtmf');
      if (!session.adapter.sendDigits) throw unsupported(session);
      await session.adapter.sendDigits(ref(call), digits);
      return {};
    },
  };
}
