import { z } from 'zod';
import type { VendorCapabilities } from './capabilities';

export const GENESYS_CAPABILITIES: VendorCapabilities = {
  targets: ['phone'],
  from: { agent: false, groups: false },
  presentedCli: true,
  postDial: {
    mode: 'dtmf-after-connect',
    explanation: 'Sent as DTMF (SendDtmf) once the call is established; pauses are timed by the softphone.',
    mutePrompts: false,
  },
  scheduling: { delayUnit: null, maxDelay: null, at: false },
  actions: ['hangup', 'hold', 'retrieve', 'dtmf'],
  directory: { agents: false, groups: false, skills: true },
  eventSource: 'cometd',
  numberFormat: 'as-dialled',
};

/** Dial fields of the GWS Dial operation beyond the destination (vendor-docs/genesys-gws-dial.txt). */
export const GenesysDialOptionsSchema = z.object({
  vendor: z.literal('genesys'),
  userData: z.record(z.string().min(1).max(64), z.string().max(1024)).optional(),
  outboundCallerId: z.string().min(1).max(32).optional(),
  location: z.string().min(1).max(64).optional(),
});
export type GenesysDialOptions = z.infer<typeof GenesysDialOptionsSchema>;

/** statusCode → documented description (GWS Return Values page). */
export const GENESYS_STATUS_TEXT: Readonly<Record<number, string>> = {
  0: 'The operation is successful.',
  1: 'A required parameter is missing in the request.',
  2: 'A specified parameter is not valid for the current state.',
  3: 'The operation is forbidden.',
  4: 'An internal error occurred.',
  5: 'The user does not have permission to perform this operation.',
  6: 'The requested resource could not be found.',
  7: 'The operation was partially successful.',
  8: 'Change password demanded.',
  9: 'Processing incomplete',
  10: 'Input validation error - the provided value is not within the range of valid values',
  11: 'User requested to change read-only property',
  18: 'Resource already exists',
  19: 'Resource already in use',
  20: 'User is not authenticated. Any subsequent request should provide credentials',
};
