import { AppError } from '../../../shared/errors';
import { VONAGE_UNSUPPORTED } from '../../../shared/vendors/vonage';
import {
  VONAGE_400_EXPLANATIONS,
  VONAGE_400_MESSAGES,
  VONAGE_LIMITS,
  isAgentIdDigits,
  isAlphanumeric,
  isValidReference,
  type Vonage400Key,
} from '../../../shared/vendors/vonageLimits';
import type { DialIntent } from '../adapter';
import type { CallRequestBody, VonageDialIntent } from './requestBody';

/** A rule the body breaks: the vendor's own 400 key where VCC has one, else our own sentence. */
export type ValidationIssue = { path: string } & ({ key: Vonage400Key } | { message: string; hint: string });

const DIALLABLE = /^\+?[0-9]+$/;

/**
 * Refuses what VCC cannot express at all, with the reason: post-dial digits, scheduling,
 * calling groups, another vendor's options. Returns the intent narrowed to what it can.
 */
export function checkDialSupported(intent: DialIntent): VonageDialIntent {
  if (intent.schedule) throw new AppError({ code: 'NOT_SUPPORTED', message: VONAGE_UNSUPPORTED.schedule, path: 'schedule' });
  const { target, options } = intent;
  if (target.kind === 'groups') throw new AppError({ code: 'NOT_SUPPORTED', message: VONAGE_UNSUPPORTED.groupsTarget, path: 'target' });
  if (target.kind === 'phone' && target.postDial) {
    throw new AppError({
      code: 'NOT_SUPPORTED',
      message: `Post-dial digits cannot be sent: ${VONAGE_UNSUPPORTED.postDial}`,
      hint: 'Remove the post-dial digits and key them on the phone once the call is connected.',
      path: 'target.postDial',
    });
  }
  if (options && options.vendor !== 'vonage') {
    throw new AppError({ code: 'VALIDATION', message: `These call options are for ${options.vendor}, not Vonage Contact Center.`, path: 'options' });
  }
  return {
    localId: intent.localId,
    target,
    ...(intent.from ? { from: intent.from } : {}),
    ...(options ? { options } : {}),
  };
}

/**
 * The documented rules, checked in the order VCC reports them (vendors/vonage.md §5–§6), so
 * nothing is sent that VCC would refuse for its shape.
 */
export function validateCallRequestBody(body: CallRequestBody): ValidationIssue | undefined {
  const { from, to } = body;
  if (from.agentId !== undefined && from.groups !== undefined) {
    return {
      path: 'from',
      message: 'Call either from an agent or from groups, not both.',
      hint: 'VCC takes one of them: “Use either agentId or groups.”',
    };
  }
  if (from.agentId === undefined && from.groups === undefined) return { path: 'from.agentId', key: 'agentIdRequired' };

  const agentIds: Array<[string, string]> = [];
  if (from.agentId !== undefined) agentIds.push(['from.agentId', from.agentId]);
  if (to.agentId !== undefined) agentIds.push(['to.agentId', to.agentId]);
  const notDigits = agentIds.find(([, id]) => !isAgentIdDigits(id));
  if (notDigits) return { path: notDigits[0], key: 'agentIdNotDigits' };
  const tooLong = agentIds.find(([, id]) => id.length > VONAGE_LIMITS.agentIdMaxDigits);
  if (tooLong) return { path: tooLong[0], key: 'agentIdTooLong' };

  const number = to.telephoneNumber;
  if (!number && to.agentId === undefined) return { path: 'to', key: 'destinationRequired' };
  if (number !== undefined && to.agentId !== undefined) return { path: 'to', key: 'destinationAmbiguous' };
  if (number !== undefined && number.length > VONAGE_LIMITS.telephoneNumberMaxChars) return { path: 'to.telephoneNumber', key: 'telephoneNumberTooLong' };
  if (number !== undefined && !DIALLABLE.test(number)) return { path: 'to.telephoneNumber', key: 'numberInvalid' };

  const reference = body.regarding?.reference;
  if (reference !== undefined && reference.length > VONAGE_LIMITS.referenceMaxChars) return { path: 'regarding.reference', key: 'referenceTooLong' };
  if (reference !== undefined && !isValidReference(reference)) return { path: 'regarding.reference', key: 'referenceInvalid' };
  const application = body.application;
  if (application !== undefined && application.length > VONAGE_LIMITS.applicationMaxChars) return { path: 'application', key: 'applicationTooLong' };
  if (application !== undefined && !isAlphanumeric(application)) return { path: 'application', key: 'applicationNotAlphanumeric' };
  return undefined;
}

/** The error the user sees for an issue caught before sending: VCC's own wording where it has one. */
export function validationError(issue: ValidationIssue): AppError {
  if ('key' in issue) {
    return new AppError({
      code: 'VALIDATION',
      message: VONAGE_400_MESSAGES[issue.key],
      hint: `${VONAGE_400_EXPLANATIONS[issue.key].hint} Nothing was sent to Vonage.`,
      path: issue.path,
    });
  }
  return new AppError({ code: 'VALIDATION', message: issue.message, hint: `${issue.hint} Nothing was sent to Vonage.`, path: issue.path });
}
