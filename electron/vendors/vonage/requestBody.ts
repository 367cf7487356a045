import { parsePhoneNumberFromString } from 'libphonenumber-js';
import type { CallTarget } from '../../../shared/callModel';
import type { VonageConsent, VonageDialOptions } from '../../../shared/vendors/vonage';
import type { DialIntent } from '../adapter';
import type { VonageProfile } from './profile';

/** The JSON body of `POST /v0/{accountKey}/calls/`, fields in the documentation's order. */
export interface CallRequestBody {
  from: { agentId?: string; groups?: string[]; presentedCLID?: string; consent?: VonageConsent };
  to: { telephoneNumber?: string; agentId?: string; consent?: VonageConsent };
  regarding?: { reference: string };
  application?: string;
}

/** A dial intent VCC can express: a phone number or an agent, placed now. */
export interface VonageDialIntent extends Pick<DialIntent, 'localId' | 'from'> {
  target: Extract<CallTarget, { kind: 'phone' | 'agent' }>;
  options?: VonageDialOptions;
}

/**
 * The number as the account dials it. `number` is E.164 when the core could parse it;
 * `national-digits` turns `+442072068888` into `02072068888`, the documentation's format.
 */
export function wireTelephoneNumber(number: string, format: VonageProfile['numberFormat']): string {
  if (format === 'e164') return number;
  const parsed = parsePhoneNumberFromString(number);
  return parsed ? parsed.formatNational().replace(/[^0-9]/g, '') : number;
}

/**
 * Maps an intent onto the wire body, faithfully: conflicting or missing fields are left for
 * `validateCallRequestBody` to name, in the vendor's words. The profile's agent is the caller
 * unless the intent picks another agent or groups.
 */
export function buildCallRequestBody(intent: VonageDialIntent, profile: Pick<VonageProfile, 'agentId' | 'numberFormat'>): CallRequestBody {
  const groups = intent.from?.groupIds && intent.from.groupIds.length > 0 ? intent.from.groupIds : undefined;
  const agentId = intent.from?.agentId ?? (groups ? undefined : profile.agentId);
  const options = intent.options;
  const presentedCli = intent.from?.presentedCli;
  return {
    from: {
      ...(agentId !== undefined ? { agentId } : {}),
      ...(groups ? { groups: [...groups] } : {}),
      ...(presentedCli !== undefined ? { presentedCLID: presentedCli } : {}),
      ...(options?.fromConsent ? { consent: options.fromConsent } : {}),
    },
    to: {
      ...(intent.target.kind === 'phone'
        ? { telephoneNumber: wireTelephoneNumber(intent.target.number, profile.numberFormat) }
        : { agentId: intent.target.agentId }),
      ...(options?.toConsent ? { consent: options.toConsent } : {}),
    },
    ...(options?.reference !== undefined ? { regarding: { reference: options.reference } } : {}),
    ...(options?.application !== undefined ? { application: options.application } : {}),
  };
}
