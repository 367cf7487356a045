import { z } from 'zod';

/** The longest link the softphone reads; a phone link is far shorter (telUri refuses over 2048). */
export const LINK_MAX_CHARS = 4096;

/**
 * What happens when a tel:/callto: link is opened: the dialer is filled and asks first, unless
 * the user chose to dial links at once (on the profile chosen when they turned it on).
 */
export const LinkSettingsSchema = z.discriminatedUnion('autoDial', [
  z.object({ autoDial: z.literal(false) }).strict(),
  z.object({ autoDial: z.literal(true), profileId: z.string().min(1).max(64) }).strict(),
]);
export type LinkSettings = z.infer<typeof LinkSettingsSchema>;

export const LinkOpenResultSchema = z.discriminatedUnion('outcome', [
  /** The dialer shows the number and asks before calling. */
  z.object({ outcome: z.literal('prefilled') }),
  /** Dialled at once: the call this link placed or joined. */
  z.object({ outcome: z.literal('dialled'), callId: z.string() }),
  /** Not a phone link, or not one the softphone can read; nothing was dialled. */
  z.object({ outcome: z.literal('rejected'), reason: z.string() }),
  /** Dialling at once was refused before anything was sent (the reason is also shown as an alert). */
  z.object({ outcome: z.literal('refused'), reason: z.string() }),
]);
export type LinkOpenResult = z.infer<typeof LinkOpenResultSchema>;
