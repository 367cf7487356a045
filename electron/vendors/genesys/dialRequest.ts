import { parsePostDial, type PostDialStep } from '../../../shared/dialString';
import { AppError } from '../../../shared/errors';
import type { DialIntent } from '../adapter';

/** The body of the GWS Dial operation (vendor-docs/genesys-gws-dial.txt, plus `outboundCallerId` from 8.5.2). */
export interface GwsDialBody {
  operationName: 'Dial';
  destination: { phoneNumber: string };
  location?: string;
  userData?: Record<string, string>;
  outboundCallerId?: string;
}

export interface DialPlan {
  body: GwsDialBody;
  /** The digits GWS will echo as `dnis`, for binding the call to this dial. */
  dialled: string;
  /** Post-dial digits, played as DTMF once the call is established. */
  postDial: PostDialStep[];
}

/** Digits, `*` and `#`, optionally after a leading `+` (the destination is a plain number or DN). */
const DIALLABLE = /^\+?[0-9*#]{1,40}$/;

/**
 * Checks a dial intent against what GWS can do and builds the Dial request, so nothing is
 * sent for a request the vendor cannot express (DESIGN §4: validate before sending).
 */
export function planDial(intent: DialIntent, timing: { pauseMs?: number } = {}): DialPlan {
  const { target } = intent;
  if (target.kind !== 'phone') {
    throw new AppError({
      code: 'NOT_SUPPORTED',
      message: 'Genesys dials phone numbers and DNs only.',
      hint: 'To call an agent, dial their DN as a phone number.',
      path: 'target.kind',
    });
  }
  if (intent.schedule) {
    throw new AppError({ code: 'NOT_SUPPORTED', message: 'Genesys cannot schedule calls.', hint: 'Dial now instead.', path: 'schedule' });
  }
  if (intent.from?.agentId !== undefined || intent.from?.groupIds !== undefined) {
    throw new AppError({
      code: 'NOT_SUPPORTED',
      message: 'Genesys places calls from your own device only; another agent or group cannot be the caller.',
      path: 'from',
    });
  }
  const dialOptions = intent.options;
  if (dialOptions && dialOptions.vendor !== 'genesys') {
    throw new AppError({ code: 'INVALID_REQUEST', message: `Dial options for ${dialOptions.vendor} cannot be used with a Genesys profile.`, path: 'options.vendor' });
  }
  if (!DIALLABLE.test(target.number)) {
    throw new AppError({
      code: 'VALIDATION',
      message: `"${target.number}" cannot be dialled: use 1 to 40 digits (and * or #), optionally after a leading +.`,
      path: 'target.number',
    });
  }

  const presentedCli = intent.from?.presentedCli;
  const callerId = dialOptions?.outboundCallerId;
  if (presentedCli !== undefined && callerId !== undefined && presentedCli !== callerId) {
    throw new AppError({
      code: 'VALIDATION',
      message: `Two different caller ids were given (${presentedCli} and ${callerId}); Genesys takes one.`,
      path: 'options.outboundCallerId',
    });
  }

  const postDial = parsePostDial(target.postDial ?? '', timing);
  if (!postDial.ok) throw new AppError({ code: 'VALIDATION', message: postDial.reason, path: 'target.postDial' });
  if (postDial.mutePrompts) {
    throw new AppError({
      code: 'NOT_SUPPORTED',
      message: 'Genesys cannot mute prompts during post-dial digits.',
      hint: 'Remove the "." from the post-dial digits.',
      path: 'target.postDial',
    });
  }

  const outboundCallerId = callerId ?? presentedCli;
  const body: GwsDialBody = {
    operationName: 'Dial',
    destination: { phoneNumber: target.number },
    ...(dialOptions?.location !== undefined ? { location: dialOptions.location } : {}),
    ...(dialOptions?.userData !== undefined ? { userData: dialOptions.userData } : {}),
    ...(outboundCallerId !== undefined ? { outboundCallerId } : {}),
  };
  return { body, dialled: target.number, postDial: postDial.steps };
}
