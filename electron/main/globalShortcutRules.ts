import type { GlobalShortcutStatus } from '../../shared/shortcuts/globalShortcutStatus';
import { parseCombo } from '../../shared/shortcuts/keyCombo';
import { SHORTCUTS, type GlobalAction } from '../../shared/shortcuts/shortcutActions';
import { cleanPastedNumber } from '../../shared/phoneNumber';

/** Electron's names for keys whose accelerator name differs from the KeyboardEvent one. */
const ACCELERATOR_KEYS: Readonly<Record<string, string>> = {
  Enter: 'Return',
  ArrowUp: 'Up',
  ArrowDown: 'Down',
  ArrowLeft: 'Left',
  ArrowRight: 'Right',
  '+': 'Plus',
};

/** `Ctrl+Alt+Shift+D` → `Control+Alt+Shift+D`; Meta is the Windows/Super key, and Command on macOS. */
export function toAccelerator(keys: string): string | undefined {
  const parsed = parseCombo(keys);
  if (!parsed.ok) return undefined;
  const { combo } = parsed;
  const parts: string[] = [];
  if (combo.ctrl) parts.push('Control');
  if (combo.alt) parts.push('Alt');
  if (combo.shift) parts.push('Shift');
  if (combo.meta) parts.push('Super');
  parts.push(ACCELERATOR_KEYS[combo.key] ?? combo.key);
  return parts.join('+');
}

/**
 * Whether this desktop lets an application take keys from every other one. Wayland does not
 * (Electron's shortcuts would reach it only while an X11 window has the focus), so there the
 * app does not try and says what to do instead.
 */
export function globalShortcutSupport(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): { ok: true } | { ok: false; note: string } {
  if (platform === 'linux' && (env.XDG_SESSION_TYPE === 'wayland' || (env.WAYLAND_DISPLAY && env.XDG_SESSION_TYPE !== 'x11'))) {
    return {
      ok: false,
      note: 'This desktop runs Wayland, which does not let applications take keys from other applications, so the global shortcuts are off. The in-app shortcuts work while the softphone has the focus.',
    };
  }
  return { ok: true };
}

export interface Registration {
  action: GlobalAction;
  registered: boolean;
}

/** What Settings says after registering: all in force, some refused (and which), or none. */
export function statusOf(registrations: readonly Registration[]): GlobalShortcutStatus {
  const refused = registrations.filter((registration) => !registration.registered).map((registration) => registration.action);
  if (refused.length === 0) return { state: 'active', refused: [] };
  const names = refused.map((action) => `“${SHORTCUTS[action].label}”`).join(', ');
  return {
    state: refused.length === registrations.length ? 'unavailable' : 'partial',
    note: `The system refused the keys of ${names}: another application probably uses them. Choose other keys in Settings.`,
    refused,
  };
}

/**
 * Where "dial the selected text" reads: Linux has a primary selection (whatever is
 * highlighted, no copy needed); elsewhere nothing can read another application's selection
 * without simulating Ctrl+C through native code, so the agent copies first and the clipboard
 * is read.
 */
export function selectionSource(platform: NodeJS.Platform): 'selection' | 'clipboard' {
  return platform === 'linux' ? 'selection' : 'clipboard';
}

/** A selected phone number is a few dozen characters; a paragraph is not a number. */
const MAX_SELECTION_CHARS = 200;

export type SelectionLink = { ok: true; uri: string } | { ok: false; reason: string };

/** A link has no spaces; `Tel: +44 (0)20 …` is a label in front of a number. */
const LINK = /^(?:tel|callto):\S+$/i;

/** For `tel:` links, `#` must be escaped and pauses are written `p`. */
const telPart = (text: string): string => text.replaceAll('#', '%23');

/**
 * Selected text → the `tel:` link the core's link handler reads, so a selection gets the same
 * parsing, confirmation and exactly-once guard as a clicked link. The text is cleaned as a
 * paste into the dialer is (separators, labels, `(0)`, `00`, vanity letters, extensions).
 */
export function selectionToLink(text: string, source: 'selection' | 'clipboard', defaultCountry: string): SelectionLink {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: false, reason: source === 'selection' ? 'Nothing is selected: select a phone number, then press the shortcut.' : 'The clipboard is empty: copy a phone number, then press the shortcut.' };
  if (trimmed.length > MAX_SELECTION_CHARS) return { ok: false, reason: `The ${source === 'selection' ? 'selected' : 'copied'} text is ${trimmed.length} characters long, too long to be a phone number.` };
  if (LINK.test(trimmed)) return { ok: true, uri: trimmed };
  const pasted = cleanPastedNumber(trimmed, defaultCountry);
  if (!/\d/.test(pasted.number)) {
    const shown = trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed;
    return { ok: false, reason: `The ${source === 'selection' ? 'selected' : 'copied'} text “${shown}” has no phone number in it.` };
  }
  const postDial = pasted.postDial ? `;postd=${telPart(pasted.postDial.replaceAll(',', 'p'))}` : '';
  return { ok: true, uri: `tel:${telPart(pasted.number)}${postDial}` };
}
