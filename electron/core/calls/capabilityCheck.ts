import { AppError } from '../../../shared/errors';
import type { DialRequest } from '../../../shared/ipc/contract';
import type { VendorCapabilities } from '../../../shared/vendors';
import { VENDOR_LABELS, type Vendor } from '../../../shared/callModel';

/**
 * Refuses, before any adapter runs, what the profile's vendor cannot do at all. The reason
 * names the vendor and the missing ability; the adapter still validates field limits.
 */
export function checkDialCapabilities(request: DialRequest, vendor: Vendor, caps: VendorCapabilities): AppError | undefined {
  const name = VENDOR_LABELS[vendor];
  const refuse = (message: string, hint?: string): AppError =>
    new AppError({ code: 'NOT_SUPPORTED', message, ...(hint ? { hint } : {}) });

  if (request.options && request.options.vendor !== vendor) {
    return new AppError({ code: 'INVALID_REQUEST', message: `Dial options for ${request.options.vendor} cannot be used with a ${name} profile.` });
  }
  if (!caps.targets.includes(request.target.kind)) {
    const what = { phone: 'phone numbers', agent: 'agents', groups: 'groups' }[request.target.kind];
    return refuse(`${name} cannot place calls to ${what}.`, 'Choose a profile whose vendor supports it.');
  }
  if (request.target.kind === 'phone' && request.target.postDial) {
    if (caps.postDial.mode === 'none') return refuse(`${name} cannot send post-dial digits: ${caps.postDial.explanation}`, 'Remove the post-dial digits, or dial on another profile.');
    if (request.target.postDial.includes('.') && !caps.postDial.mutePrompts) {
      return new AppError({ code: 'VALIDATION', message: `"." (mute prompts) is not supported by ${name}.`, path: 'target.postDial' });
    }
  }
  if (request.from?.agentId && !caps.from.agent) return refuse(`${name} places calls from the signed-in agent only.`);
  if (request.from?.groupIds && !caps.from.groups) return refuse(`${name} cannot place calls from groups.`);
  if (request.from?.presentedCli && !caps.presentedCli) return refuse(`${name} does not let the caller choose the presented number.`);
  if (request.schedule?.kind === 'in' && caps.scheduling.delayUnit === null) return refuse(`${name} cannot schedule calls.`);
  if (request.schedule?.kind === 'at' && !caps.scheduling.at) {
    return refuse(
      `${name} cannot start a call at a set time${caps.scheduling.delayUnit ? `; it takes a delay in ${caps.scheduling.delayUnit}` : ''}.`,
      caps.scheduling.delayUnit ? 'Use "Start in" instead.' : undefined,
    );
  }
  return undefined;
}
