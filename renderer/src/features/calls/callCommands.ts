import { callForShortcut, type CallCommand } from '../../../../shared/shortcuts/shortcutCall';
import { ApiError, softphone, unwrap } from '../../api/softphoneClient';
import { requestNumberFocus } from '../../state/focusRequests';
import { useLive } from '../../state/liveStore';

/** The call whose card holds the focus, if any. */
export function focusedCallId(): string | undefined {
  const card = document.activeElement instanceof HTMLElement ? document.activeElement.closest<HTMLElement>('[data-call-id]') : null;
  return card?.dataset.callId;
}

/**
 * A hang-up or hold key: acts on the focused call, else the latest one (shortcutCall), says
 * so when there is none, alerts the vendor's refusal, and after a hang-up brings the focus
 * back to the number box for the next call.
 */
export async function runCallCommand(command: CallCommand): Promise<void> {
  const live = useLive.getState();
  const choice = callForShortcut(Object.values(live.calls), command, focusedCallId());
  if (!choice.ok) {
    live.announce(choice.reason);
    return;
  }
  try {
    await unwrap(softphone[choice.channel]({ callId: choice.call.id }));
    if (choice.channel === 'call.hangup') requestNumberFocus();
  } catch (error) {
    const data = error instanceof ApiError ? error.data : { message: String(error) };
    live.alert({ title: data.message, ...('vendorMessage' in data && data.vendorMessage ? { vendorMessage: data.vendorMessage } : {}), ...('hint' in data && data.hint ? { hint: data.hint } : {}) });
  }
}
