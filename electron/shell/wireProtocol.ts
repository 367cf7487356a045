import { z } from 'zod';
import type { AppEvent, Outcome } from '../../shared/ipc/contract';

/** Browser → shell: one contract call. Channel and payload are validated by the core's router. */
export const ClientMessageSchema = z.object({
  id: z.number().int().nonnegative(),
  channel: z.string().max(64),
  payload: z.unknown(),
});
export type ClientMessage = z.infer<typeof ClientMessageSchema>;

/** Shell → browser: a reply to one call, or a batch of events (one message per tick). */
export type ServerMessage = { id: number; outcome: Outcome<unknown> } | { events: AppEvent[] };

export const WS_PATH = '/ws';
