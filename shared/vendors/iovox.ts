import { z } from 'zod';
import type { VendorCapabilities } from './capabilities';
import { IOVOX_LIMITS } from './iovoxLimits';

export const IOVOX_CAPABILITIES: VendorCapabilities = {
  targets: ['phone'],
  from: { agent: false, groups: false },
  presentedCli: false,
  postDial: {
    mode: 'native',
    explanation:
      'Appended to call_destination: start with "," (IOVOX waits 2 s per comma from the answer), then digits it presses; only digits and commas.',
    mutePrompts: false,
  },
  scheduling: { delayUnit: 'minutes', maxDelay: IOVOX_LIMITS.maxDelayMinutes, at: false },
  // The Calling interface has only initiateCall: no hang-up, cancel, hold or DTMF.
  actions: [],
  directory: { agents: false, groups: false, skills: false },
  eventSource: 'none',
  numberFormat: 'e164-digits',
  progressNote: 'IOVOX answers 201 when it accepts a call and reports nothing after that: the softphone cannot see whether it was answered.',
};

/** Call Variables for the Link's Calling Rules, keyed by their Call Flow names. */
export const IovoxDialOptionsSchema = z
  .object({
    vendor: z.literal('iovox'),
    variables: z.record(z.string().max(128), z.string().max(4096)).optional(),
  })
  .strict();
export type IovoxDialOptions = z.infer<typeof IovoxDialOptionsSchema>;
