import { z } from 'zod';

export const VENDORS = ['genesys', 'huawei', 'vonage', 'iovox', 'oracle'] as const;
export const VendorSchema = z.enum(VENDORS);
export type Vendor = z.infer<typeof VendorSchema>;

export const VENDOR_LABELS: Record<Vendor, string> = {
  genesys: 'Genesys Web Services',
  huawei: 'Huawei CC-Gateway',
  vonage: 'Vonage Contact Center',
  iovox: 'IOVOX',
  oracle: 'Oracle Click-to-Call',
};

/**
 * DESIGN §3 states, plus two the design leaves implicit:
 * - `accepted`: the vendor took the request and reports nothing more (IOVOX); final.
 * - `unknown`: a call-creating request may or may not have placed a call (timeout, 5xx,
 *   dropped connection). Never retried; the next resync resolves it.
 */
export const CALL_STATES = [
  'requested',
  'scheduled',
  'dialing',
  'ringing',
  'connected',
  'held',
  'ended',
  'failed',
  'accepted',
  'unknown',
] as const;
export const CallStateSchema = z.enum(CALL_STATES);
export type CallState = z.infer<typeof CallStateSchema>;

export const FINAL_STATES: ReadonlySet<CallState> = new Set<CallState>(['ended', 'failed', 'accepted']);
export const isFinalState = (state: CallState): boolean => FINAL_STATES.has(state);

export const STATE_LABELS: Record<CallState, string> = {
  requested: 'Requested',
  scheduled: 'Scheduled',
  dialing: 'Dialing',
  ringing: 'Ringing',
  connected: 'Connected',
  held: 'On hold',
  ended: 'Ended',
  failed: 'Failed',
  accepted: 'Accepted by the vendor (no progress reported)',
  unknown: 'Outcome unknown',
};

export const CallTargetSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('phone'),
    /** What the user typed or the link carried, kept for display and redial. */
    input: z.string().max(64),
    /** E.164 when the number could be parsed, else the cleaned digits. */
    number: z.string().max(40),
    postDial: z.string().max(64).optional(),
  }),
  z.object({ kind: z.literal('agent'), agentId: z.string().min(1).max(64), name: z.string().max(128).optional() }),
  z.object({
    kind: z.literal('groups'),
    groupIds: z.array(z.string().min(1).max(64)).min(1).max(32),
  }),
]);
export type CallTarget = z.infer<typeof CallTargetSchema>;

export const CallActionSchema = z.enum(['hangup', 'hold', 'retrieve', 'dtmf', 'cancel']);
export type CallAction = z.infer<typeof CallActionSchema>;

export const CallFailureSchema = z.object({
  code: z.string(),
  /** The vendor's own words, verbatim. */
  message: z.string(),
  /** What the user can do about it. */
  hint: z.string().optional(),
});
export type CallFailure = z.infer<typeof CallFailureSchema>;

export const TimelineEntrySchema = z.object({
  state: CallStateSchema,
  at: z.number(),
  /** The vendor's own state or event name, e.g. `Established` or `AgentEvent_Talking`. */
  rawState: z.string(),
  sourceEvent: z.string(),
});
export type TimelineEntry = z.infer<typeof TimelineEntrySchema>;

export const CallRecordSchema = z.object({
  id: z.string(),
  profileId: z.string(),
  vendor: VendorSchema,
  vendorCallId: z.string().optional(),
  direction: z.enum(['outbound', 'inbound']),
  target: CallTargetSchema,
  from: z
    .object({
      agentId: z.string().optional(),
      groupIds: z.array(z.string()).optional(),
      presentedCli: z.string().optional(),
    })
    .optional(),
  state: CallStateSchema,
  timeline: z.array(TimelineEntrySchema),
  actions: z.array(CallActionSchema),
  failure: CallFailureSchema.optional(),
  scheduledAt: z.number().optional(),
  createdAt: z.number(),
});
export type CallRecord = z.infer<typeof CallRecordSchema>;
