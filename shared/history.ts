import { z } from 'zod';
import { CallRecordSchema, CallTargetSchema } from './callModel';
import type { DialRequest } from './ipc/contract';
import { VendorDialOptionsSchema } from './vendors';

/**
 * What a redial sends again: the profile, the target (post-dial digits included), who the
 * call was placed from and the vendor's dial options. A redial places the call now: a start
 * time in the past cannot be repeated, and a relative delay is not what "call again" means,
 * so only the kind of schedule the original call had is kept, for the record.
 */
export const RedialRequestSchema = z.object({
  profileId: z.string().min(1).max(64),
  target: CallTargetSchema,
  from: CallRecordSchema.shape.from,
  options: VendorDialOptionsSchema.optional(),
  scheduleKind: z.enum(['in', 'at']).optional(),
});
export type RedialRequest = z.infer<typeof RedialRequestSchema>;

/** The `call.dial` request of a redial: the same call, now, under a new intent (so at most one new call). */
export function redialDialRequest(redial: RedialRequest, intentId: string): DialRequest {
  return {
    profileId: redial.profileId,
    intentId,
    target: redial.target,
    ...(redial.from ? { from: redial.from } : {}),
    ...(redial.options ? { options: redial.options } : {}),
  };
}

/**
 * One call in the history file (one JSON line per entry). `recordedWhen` says why it was
 * written: the call reached a final state, or the app closed while it was still in the
 * state shown (an unknown outcome, typically).
 */
export const HistoryEntrySchema = z.object({
  call: CallRecordSchema,
  /** The profile's label when the call was made; the profile may be renamed or removed since. */
  profileLabel: z.string(),
  recordedAt: z.number(),
  recordedWhen: z.enum(['final', 'shutdown']),
  /** Absent for calls the vendor reported that this app did not place and that have nothing to call back. */
  redial: RedialRequestSchema.optional(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

export const HISTORY_PAGE_MAX = 500;

export const HistoryQuerySchema = z
  .object({
    /** Words that must all appear in the number, agent, profile, outcome or vendor message. */
    query: z.string().max(200).optional(),
    /** Entries to skip, newest first. */
    offset: z.number().int().min(0).optional(),
    limit: z.number().int().min(1).max(HISTORY_PAGE_MAX).optional(),
  })
  .strict();
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

export const HistoryPageSchema = z.object({
  entries: z.array(HistoryEntrySchema),
  /** How many entries match the query in all. */
  total: z.number().int().min(0),
});
export type HistoryPage = z.infer<typeof HistoryPageSchema>;
