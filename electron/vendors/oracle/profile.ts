import { z } from 'zod';
import { ProfileBaseSchema, SecretRefSchema } from '../profileBase';

export const OracleProfileSchema = ProfileBaseSchema.extend({
  vendor: z.literal('oracle'),
  /** The call template whose agent leg rings this agent; unguessable, so kept out of logs. */
  contactId: z.string().regex(/^[A-Za-z0-9._~-]{1,64}$/, 'must be 1–64 letters, digits, ".", "_", "~" or "-"'),
  /**
   * Sent as `authorizeUrl` with every start so Oracle can authorize the call; it usually
   * carries a ticket, hence a secret.
   */
  authorizeUrl: SecretRefSchema.optional(),
  /** The authorizeUrl value is already encrypted (sent as `authEncrypted: true`). */
  authEncrypted: z.boolean().default(false),
  /** Call the agent before the customer by default (needs the Webcare reverse-call-flow setting). */
  callAgentFirst: z.boolean().default(false),
  /** Status poll cadence of a call in progress. */
  statusPollMs: z.number().int().min(50).max(60_000).default(2_000),
  /** Longest wait between polls of a scheduled call (Oracle reports nothing until it starts). */
  scheduledPollMs: z.number().int().min(50).max(600_000).default(30_000),
  /** Deadline of one request; a start without an answer by then has an unknown outcome. */
  requestTimeoutMs: z.number().int().min(100).max(120_000).default(15_000),
}).strict();
export type OracleProfile = z.infer<typeof OracleProfileSchema>;
