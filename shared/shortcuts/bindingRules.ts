import { formatCombo, isFunctionKey, modifierCount, normalizeCombo, parseCombo, typesText, type KeyCombo } from './keyCombo';
import { SHORTCUT_ACTIONS, SHORTCUTS, type ShortcutAction, type ShortcutBindings, type ShortcutOverrides } from './shortcutActions';

/**
 * Combinations the browser, Electron or the desktop keep for themselves, or that every
 * keyboard user needs for what they already do. Meta variants are the macOS ones.
 */
const RESERVED: ReadonlyArray<readonly [string, string]> = [
  ['Escape', 'closes dialogs and lists'],
  ['Ctrl+A', 'selects all text'],
  ['Ctrl+C', 'copies'],
  ['Ctrl+V', 'pastes'],
  ['Ctrl+X', 'cuts'],
  ['Ctrl+Z', 'undoes typing'],
  ['Ctrl+Y', 'redoes typing'],
  ['Ctrl+Shift+Z', 'redoes typing'],
  ['Meta+A', 'selects all text on macOS'],
  ['Meta+C', 'copies on macOS'],
  ['Meta+V', 'pastes on macOS'],
  ['Meta+X', 'cuts on macOS'],
  ['Meta+Z', 'undoes typing on macOS'],
  ['Meta+Shift+Z', 'redoes typing on macOS'],
  ['Ctrl+W', 'closes the window'],
  ['Ctrl+Shift+W', 'closes the window'],
  ['Ctrl+Q', 'quits'],
  ['Ctrl+N', 'opens a new browser window'],
  ['Ctrl+Shift+N', 'opens a private browser window'],
  ['Ctrl+T', 'opens a new browser tab'],
  ['Ctrl+Shift+T', 'reopens a closed browser tab'],
  ['Ctrl+Tab', 'switches browser tabs'],
  ['Ctrl+Shift+Tab', 'switches browser tabs'],
  ['Ctrl+PageUp', 'switches browser tabs'],
  ['Ctrl+PageDown', 'switches browser tabs'],
  ['Ctrl+R', 'reloads the page'],
  ['Ctrl+Shift+R', 'reloads the page'],
  ['F5', 'reloads the page'],
  ['Ctrl+F5', 'reloads the page'],
  ['Ctrl+L', 'goes to the browser’s address bar'],
  ['F6', 'goes to the browser’s address bar'],
  ['Alt+D', 'goes to the browser’s address bar'],
  ['Ctrl+P', 'prints'],
  ['Ctrl+F', 'finds in the page'],
  ['Ctrl+=', 'zooms in'],
  ['Ctrl+Plus', 'zooms in'],
  ['Ctrl+-', 'zooms out'],
  ['Ctrl+0', 'resets the zoom'],
  ['F11', 'switches to full screen'],
  ['F12', 'opens the developer tools'],
  ['Ctrl+Shift+I', 'opens the developer tools'],
  ['Ctrl+Shift+J', 'opens the developer tools'],
  ['Ctrl+Shift+C', 'opens the developer tools'],
  ['Alt+F4', 'closes the window'],
  ['Alt+Tab', 'switches applications'],
  ['Alt+Shift+Tab', 'switches applications'],
  ['Alt+Space', 'opens the window menu'],
  ['Alt+ArrowLeft', 'goes back in the browser'],
  ['Alt+ArrowRight', 'goes forward in the browser'],
  ['Alt+F', 'opens the File menu'],
  ['Alt+E', 'opens the Edit menu'],
  ['Alt+V', 'opens the View menu'],
  ['Alt+W', 'opens the Window menu'],
  ['Alt+H', 'opens the Help menu'],
  ['Ctrl+Alt+Delete', 'belongs to the operating system'],
  ['Meta+Q', 'quits on macOS'],
  ['Meta+W', 'closes the window on macOS'],
  ['Meta+H', 'hides the app on macOS'],
  ['Meta+M', 'minimises the window on macOS'],
  ['Meta+Tab', 'switches applications on macOS'],
  ['Meta+Space', 'opens Spotlight on macOS'],
  ['Meta+L', 'locks the screen on Windows'],
  ['Meta+D', 'shows the desktop on Windows'],
  ['Meta+E', 'opens the file explorer on Windows'],
  ['Meta+R', 'opens Run on Windows'],
];

const RESERVED_BY_TEXT: ReadonlyMap<string, string> = new Map(
  RESERVED.map(([text, why]) => {
    const canonical = normalizeCombo(text);
    if (canonical === undefined) throw new Error(`reserved shortcut "${text}" does not parse`);
    return [canonical, why];
  }),
);

/** Keys that move the caret and edit text, alone or with Shift or Ctrl, in every field and list. */
const EDITING_KEYS = new Set(['Backspace', 'Delete', 'Home', 'End', 'PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);
/** Keys that move the focus and press buttons, alone or with Shift. */
const ACTIVATING_KEYS = new Set(['Tab', 'Enter', 'Space']);

/** Why a combination may not be a shortcut at all, whatever it is for. */
function reservedReason(combo: KeyCombo): string | undefined {
  const known = RESERVED_BY_TEXT.get(formatCombo(combo));
  if (known) return `${formatCombo(combo)} ${known}.`;
  if (EDITING_KEYS.has(combo.key) && !combo.alt && !combo.meta) return `${formatCombo(combo)} moves the caret or edits text.`;
  if (ACTIVATING_KEYS.has(combo.key) && !combo.ctrl && !combo.alt && !combo.meta) return `${formatCombo(combo)} moves the focus or presses buttons.`;
  return undefined;
}

export interface BindingCheck {
  /** Why this binding cannot be used; nothing is saved while one exists. */
  problem?: string;
  /** Something to know about a binding that works. */
  note?: string;
}

/** A global shortcut acts in every application: it must not be a key people type or use there. */
function globalReason(combo: KeyCombo): string | undefined {
  if (typesText(combo)) return `${formatCombo(combo)} types text in other applications; a global shortcut needs Ctrl, Alt or Meta.`;
  const enough = isFunctionKey(combo.key) ? modifierCount(combo) >= 1 : modifierCount(combo) >= 2 && (combo.ctrl || combo.meta);
  if (!enough) return `${formatCombo(combo)} is likely taken by other applications; a global shortcut needs Ctrl (or Meta) with another modifier, such as Ctrl+Alt+Shift+D.`;
  return undefined;
}

/** One binding on its own: does it parse, is it free for the taking, and where does it work. */
export function checkBinding(action: ShortcutAction, keys: string): BindingCheck {
  if (keys === '') return {};
  const parsed = parseCombo(keys);
  if (!parsed.ok) return { problem: parsed.reason };
  const reserved = reservedReason(parsed.combo);
  if (reserved) return { problem: reserved };
  if (SHORTCUTS[action].scope === 'global') {
    const reason = globalReason(parsed.combo);
    return reason ? { problem: reason } : {};
  }
  if (typesText(parsed.combo)) return { note: 'Works when the focus is not in a text box (there the key types).' };
  return {};
}

/**
 * Every binding checked, including against each other: one key for two actions is a
 * conflict for both (an in-app key equal to a global one too: the system would take it).
 */
export function checkBindings(bindings: ShortcutBindings): Partial<Record<ShortcutAction, BindingCheck>> {
  const checks: Partial<Record<ShortcutAction, BindingCheck>> = {};
  const byCombo = new Map<string, ShortcutAction[]>();
  for (const action of SHORTCUT_ACTIONS) {
    const check = checkBinding(action, bindings[action]);
    if (check.problem || check.note) checks[action] = check;
    const canonical = bindings[action] === '' ? undefined : normalizeCombo(bindings[action]);
    if (canonical !== undefined) byCombo.set(canonical, [...(byCombo.get(canonical) ?? []), action]);
  }
  for (const [combo, actions] of byCombo) {
    if (actions.length < 2) continue;
    for (const action of actions) {
      if (checks[action]?.problem) continue;
      const others = actions.filter((other) => other !== action).map((other) => `“${SHORTCUTS[other].label}”`);
      checks[action] = { problem: `${combo} is also the shortcut for ${others.join(' and ')}.` };
    }
  }
  return checks;
}

export function firstProblem(checks: Partial<Record<ShortcutAction, BindingCheck>>): { action: ShortcutAction; problem: string } | undefined {
  for (const action of SHORTCUT_ACTIONS) {
    const problem = checks[action]?.problem;
    if (problem) return { action, problem };
  }
  return undefined;
}

export function defaultBindings(): ShortcutBindings {
  return Object.fromEntries(SHORTCUT_ACTIONS.map((action) => [action, SHORTCUTS[action].defaultKeys])) as ShortcutBindings;
}

/** The bindings in force: the defaults with the user's changes, each in canonical form. */
export function resolveBindings(overrides: ShortcutOverrides | undefined): ShortcutBindings {
  const bindings = defaultBindings();
  for (const action of SHORTCUT_ACTIONS) {
    const keys = overrides?.[action];
    if (keys !== undefined) bindings[action] = keys === '' ? '' : (normalizeCombo(keys) ?? '');
  }
  return bindings;
}

/** What to store: only the actions whose binding differs from the default. */
export function overridesOf(bindings: ShortcutBindings): ShortcutOverrides {
  const defaults = defaultBindings();
  const overrides: ShortcutOverrides = {};
  for (const action of SHORTCUT_ACTIONS) {
    const keys = bindings[action] === '' ? '' : (normalizeCombo(bindings[action]) ?? bindings[action]);
    if (keys !== defaults[action]) overrides[action] = keys;
  }
  return overrides;
}

/** The action a pressed combination triggers, among the in-app ones. */
export function actionFor<A extends ShortcutAction>(bindings: ShortcutBindings, pressed: KeyCombo, actions: readonly A[]): A | undefined {
  const text = formatCombo(pressed);
  return actions.find((action) => bindings[action] !== '' && bindings[action] === text);
}
