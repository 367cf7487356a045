import { z } from 'zod';
import { ProfileBaseSchema, SecretRefSchema } from '../profileBase';

export const VonageProfileSchema = ProfileBaseSchema.extend({
  vendor: z.literal('vonage'),
  /** The account's API key, e.g. `a1b2c3d4e5`; the token endpoint's client id and part of every Calls API path. */
  accountKey: z.string().regex(/^[A-Za-z0-9]{1,64}$/, 'must be the VCC account key (letters and digits)'),
  /** The API authentication token from Admin Portal (Account Settings → Configuration). */
  apiToken: SecretRefSchema.optional(),
  /** Display ID of the agent calls are made from unless the dialler picks another agent or groups. */
  agentId: z.string().regex(/^[0-9]{1,11}$/, 'must be the agent’s display ID (digits only, at most 11)').optional(),
  /**
   * The docs ask for E.164 but every example dials UK national digits (`02072068888`): send
   * what the account dials.
   */
  numberFormat: z.enum(['e164', 'national-digits']).default('e164'),
  /** Cadence of the call-detail polling while a call is Active. */
  pollIntervalMs: z.number().int().min(10).max(60_000).default(1000),
  requestTimeoutMs: z.number().int().min(100).max(120_000).default(15_000),
}).strict();
export type VonageProfile = z.infer<typeof VonageProfileSchema>;
