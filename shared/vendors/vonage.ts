import { z } from 'zod';
import type { VendorCapabilities } from './capabilities';
import { VONAGE_400_MESSAGES, VONAGE_LIMITS, isAlphanumeric, isValidReference } from './vonageLimits';

/**
 * Vonage Contact Center's Calls API only requests a call: no hang-up, hold or DTMF operation
 * is documented and progress is read by polling the call detail. `numberFormat` is the
 * default; a profile may switch to national digits for accounts that dial them.
 */
export const VONAGE_CAPABILITIES: VendorCapabilities = {
  targets: ['phone', 'agent'],
  from: { agent: true, groups: true },
  presentedCli: true,
  postDial: {
    mode: 'none',
    explanation:
      'Vonage Contact Center’s Calls API has no field for post-dial digits and no DTMF operation; key the digits on the agent’s VCC phone once connected.',
    mutePrompts: false,
  },
  scheduling: { delayUnit: null, maxDelay: null, at: false },
  actions: [],
  directory: { agents: false, groups: false, skills: false },
  eventSource: 'status-poll',
  numberFormat: 'e164',
  dialFields: [
    { key: 'fromConsent', label: 'Caller consent', kind: 'choice', choices: consentChoices(), help: 'Which parties must consent before the agent’s leg is recorded.' },
    { key: 'toConsent', label: 'Called party consent', kind: 'choice', choices: consentChoices() },
    { key: 'reference', label: 'Reference', kind: 'text', help: 'The CRM record this call is about (ID or URL, up to 2000 characters).' },
    { key: 'application', label: 'Application', kind: 'text', help: 'Which application is calling (up to 32 letters or digits).' },
  ],
  progressNote: 'Vonage reports whether a call is active and its result when it ends, not when it is answered.',
};

function consentChoices() {
  return [
    { value: 'Unknown', label: 'Unknown — consent status is unknown' },
    { value: 'OneParty', label: 'One party must consent' },
    { value: 'TwoParty', label: 'Both parties must consent' },
  ];
}

/** Why the softphone refuses what VCC cannot express, in words the UI can show as they are. */
export const VONAGE_UNSUPPORTED = {
  hangup:
    'Vonage Contact Center’s Calls API has no hang-up operation: end the call on the agent’s VCC phone or desktop.',
  postDial: VONAGE_CAPABILITIES.postDial.explanation,
  schedule: 'Vonage Contact Center places calls immediately; its Calls API has no way to schedule one.',
  groupsTarget: 'Vonage Contact Center calls a telephone number or an agent; groups can only be the caller.',
} as const;

export const VonageConsentSchema = z.enum(['Unknown', 'OneParty', 'TwoParty']);
export type VonageConsent = z.infer<typeof VonageConsentSchema>;

/** Error texts are the vendor's own 400 messages, so the composer and VCC say the same thing. */
export const VonageDialOptionsSchema = z
  .object({
    vendor: z.literal('vonage'),
    /** `from.consent`: which parties must consent to recording. */
    fromConsent: VonageConsentSchema.optional(),
    /** `to.consent`. */
    toConsent: VonageConsentSchema.optional(),
    /** `regarding.reference`: external ID of the object the call is about (e.g. a CRM record). */
    reference: z
      .string()
      .max(VONAGE_LIMITS.referenceMaxChars, VONAGE_400_MESSAGES.referenceTooLong)
      .refine(isValidReference, VONAGE_400_MESSAGES.referenceInvalid)
      .optional(),
    /** `application`: which application is calling, shown in Salesforce task subjects. */
    application: z
      .string()
      .max(VONAGE_LIMITS.applicationMaxChars, VONAGE_400_MESSAGES.applicationTooLong)
      .refine(isAlphanumeric, VONAGE_400_MESSAGES.applicationNotAlphanumeric)
      .optional(),
  })
  .strict();
export type VonageDialOptions = z.infer<typeof VonageDialOptionsSchema>;
