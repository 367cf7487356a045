import { z } from 'zod';
import { CallActionSchema } from '../callModel';

/**
 * A vendor-specific dial field the dialer shows (skill, consent, reference…). `key` is the
 * field's name in the vendor's dial options; `kind` says how to ask for it and how to send it.
 */
export const DialFieldSchema = z.object({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['text', 'choice', 'skill', 'flag']),
  choices: z.array(z.object({ value: z.string(), label: z.string() })).optional(),
  help: z.string().optional(),
});
export type DialField = z.infer<typeof DialFieldSchema>;

/**
 * What a vendor can do, as data (DESIGN §3). The UI reads this to enable, grey out and
 * explain; it never branches on the vendor's name.
 */
export const VendorCapabilitiesSchema = z.object({
  targets: z.array(z.enum(['phone', 'agent', 'groups'])),
  /** Whether the caller may pick who the call is placed from (Vonage supervisor flow). */
  from: z.object({ agent: z.boolean(), groups: z.boolean() }),
  presentedCli: z.boolean(),
  postDial: z.object({
    mode: z.enum(['native', 'dtmf-after-connect', 'none']),
    /** One sentence for the composer: how (or why not) the digits reach the far end. */
    explanation: z.string(),
    mutePrompts: z.boolean(),
  }),
  scheduling: z.object({
    delayUnit: z.enum(['seconds', 'minutes']).nullable(),
    maxDelay: z.number().nullable(),
    at: z.boolean(),
  }),
  /** Actions the vendor supports at all; each call's `actions` says what is possible now. */
  actions: z.array(CallActionSchema),
  directory: z.object({ agents: z.boolean(), groups: z.boolean(), skills: z.boolean() }),
  eventSource: z.enum(['cometd', 'long-poll', 'status-poll', 'none']),
  /** How a phone number goes on the wire. */
  numberFormat: z.enum(['e164', 'e164-digits', 'national-digits', 'as-dialled']),
  /** Extra fields of this vendor's dial request, in the order the dialer shows them. */
  dialFields: z.array(DialFieldSchema).optional(),
  /** Said on every call of this vendor, e.g. that it reports no progress after acceptance. */
  progressNote: z.string().optional(),
});
export type VendorCapabilities = z.infer<typeof VendorCapabilitiesSchema>;
