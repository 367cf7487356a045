import { z } from 'zod';
import { GlobalActionSchema } from './shortcutActions';

/**
 * Whether the system-wide shortcuts are in force, as the desktop app found when it registered
 * them: `active` (all that are bound), `partial` (the system refused some), `unavailable`
 * (none: the browser shell, or a desktop such as Wayland that gives no app global keys).
 */
export const GlobalShortcutStatusSchema = z.object({
  state: z.enum(['active', 'partial', 'unavailable']),
  /** What the user should know, shown next to the shortcuts. */
  note: z.string().optional(),
  /** The actions whose keys the system refused. */
  refused: z.array(GlobalActionSchema),
});
export type GlobalShortcutStatus = z.infer<typeof GlobalShortcutStatusSchema>;

/** Until the desktop app reports, and always in the browser shell. */
export const GLOBAL_SHORTCUTS_UNAVAILABLE_IN_BROWSER: GlobalShortcutStatus = {
  state: 'unavailable',
  note: 'Global shortcuts work in the desktop app only: a browser page hears keys only while it has the focus.',
  refused: [],
};
