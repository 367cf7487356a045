import { z } from 'zod';
import type { VendorCapabilities } from './capabilities';
import { ORACLE_LIMITS } from './oracleLimits';

export const ORACLE_CAPABILITIES: VendorCapabilities = {
  targets: ['phone'],
  from: { agent: false, groups: false },
  presentedCli: false,
  postDial: {
    mode: 'native',
    explanation: 'Sent as userExtension: Oracle dials the digits as DTMF; "," waits 2 s and "." silences the prompts.',
    mutePrompts: true,
  },
  scheduling: { delayUnit: 'seconds', maxDelay: ORACLE_LIMITS.maxDelaySeconds, at: true },
  // One DELETE ends a live call and cancels a scheduled one.
  actions: ['hangup', 'cancel'],
  directory: { agents: false, groups: false, skills: false },
  eventSource: 'status-poll',
  numberFormat: 'e164-digits',
  dialFields: [
    {
      key: 'callAgentFirst',
      label: 'Call the agent first',
      kind: 'flag',
      help: 'Ring the agent before the customer (needs the reverse call flow in Oracle’s call settings).',
    },
  ],
};

/** Oracle `visitorContext` (vendors/oracle.md §3); `data` holds the template's optional fields. */
export const OracleVisitorContextSchema = z
  .object({
    visitorId: z.string().max(1024).optional(),
    referrerUrl: z.string().max(4096).optional(),
    language: z.string().max(16).optional(),
    /** By account label (e.g. `CustRef`) or internal name `var1`…`var10`; sent flat in visitorContext. */
    data: z.record(z.string().max(128), z.string().max(4096)).optional(),
  })
  .strict();
export type OracleVisitorContext = z.infer<typeof OracleVisitorContextSchema>;

export const OracleDialOptionsSchema = z
  .object({
    vendor: z.literal('oracle'),
    /** Reverse the leg order (agent first); overrides the profile's default for this call. */
    callAgentFirst: z.boolean().optional(),
    visitorContext: OracleVisitorContextSchema.optional(),
  })
  .strict();
export type OracleDialOptions = z.infer<typeof OracleDialOptionsSchema>;
