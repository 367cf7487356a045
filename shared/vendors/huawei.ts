import { z } from 'zod';
import type { VendorCapabilities } from './capabilities';
import { HUAWEI_CALL_APP_DATA_MAX_BYTES, HUAWEI_FIELD_RULES, utf8ByteLength } from './huaweiLimits';

export const HUAWEI_CAPABILITIES: VendorCapabilities = {
  targets: ['phone', 'agent'],
  from: { agent: false, groups: false },
  /** The callout's `caller` (calling number); the profile's phone number when not chosen. */
  presentedCli: true,
  postDial: {
    mode: 'dtmf-after-connect',
    explanation: 'Sent with seconddialex once the customer is talking; pauses are timed by the softphone.',
    mutePrompts: false,
  },
  scheduling: { delayUnit: null, maxDelay: null, at: false },
  actions: ['hangup', 'hold', 'retrieve', 'dtmf'],
  directory: { agents: false, groups: false, skills: true },
  eventSource: 'long-poll',
  numberFormat: 'national-digits',
  dialFields: [
    { key: 'skillId', label: 'Skill', kind: 'skill', help: 'The skill queue the callout is made for; the platform default when not chosen.' },
    {
      key: 'callAppData',
      label: 'Call data',
      kind: 'text',
      help: 'Free text attached to the call for the receiving application (up to 16 KB).',
    },
  ],
};

/** Callout fields beyond `caller` and `called` (vendor-docs/huawei-ccgateway-callout.txt). */
export const HuaweiDialOptionsSchema = z.object({
  vendor: z.literal('huawei'),
  /** Skill queue; the platform's default skill when omitted. */
  skillId: z.number().int().nonnegative().max(2_147_483_647).optional(),
  callAppData: z
    .string()
    .refine((value) => utf8ByteLength(value) <= HUAWEI_CALL_APP_DATA_MAX_BYTES, { message: HUAWEI_FIELD_RULES.callappdata })
    .optional(),
  /** 0 audio (default), 1 video, 2 negotiated (advised for video). */
  mediaAbility: z.union([z.literal(0), z.literal(1), z.literal(2)]).optional(),
});
export type HuaweiDialOptions = z.infer<typeof HuaweiDialOptionsSchema>;
