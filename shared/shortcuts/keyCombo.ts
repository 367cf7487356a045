/**
 * Key combinations as the user writes them ("Ctrl+Alt+K", "?") and as the keyboard reports
 * them (a KeyboardEvent's `key`, `code` and modifier flags), reduced to one canonical text so
 * that a stored binding, a pressed key and a conflict check all compare strings.
 */

export interface KeyCombo {
  readonly ctrl: boolean;
  readonly alt: boolean;
  readonly shift: boolean;
  readonly meta: boolean;
  /** `A`–`Z`, `0`–`9`, `F1`–`F24`, a named key (`Enter`, `ArrowUp`…), `Space`, or one printable character (`?`, `/`). */
  readonly key: string;
}

/** What the renderer reads from a KeyboardEvent (and tests write by hand). */
export interface KeyInput {
  key: string;
  code: string;
  ctrlKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  metaKey: boolean;
  /** `getModifierState('AltGraph')`: AltGr types characters (`@` on a German keyboard); it never makes a shortcut. */
  altGraph?: boolean;
}

export type ComboParse = { ok: true; combo: KeyCombo } | { ok: false; reason: string };

const NAMED_KEYS = [
  'Enter',
  'Escape',
  'Tab',
  'Backspace',
  'Delete',
  'Insert',
  'Home',
  'End',
  'PageUp',
  'PageDown',
  'ArrowUp',
  'ArrowDown',
  'ArrowLeft',
  'ArrowRight',
  'Space',
] as const;

const KEY_ALIASES: Readonly<Record<string, string>> = {
  esc: 'Escape',
  return: 'Enter',
  spacebar: 'Space',
  up: 'ArrowUp',
  down: 'ArrowDown',
  left: 'ArrowLeft',
  right: 'ArrowRight',
  del: 'Delete',
  ins: 'Insert',
  pgup: 'PageUp',
  pgdn: 'PageDown',
  plus: '+',
  ...Object.fromEntries(NAMED_KEYS.map((name) => [name.toLowerCase(), name])),
};

const MODIFIER_ALIASES: Readonly<Record<string, 'ctrl' | 'alt' | 'shift' | 'meta'>> = {
  ctrl: 'ctrl',
  control: 'ctrl',
  ctl: 'ctrl',
  alt: 'alt',
  option: 'alt',
  opt: 'alt',
  shift: 'shift',
  meta: 'meta',
  cmd: 'meta',
  command: 'meta',
  super: 'meta',
  win: 'meta',
  windows: 'meta',
};

/** Keys that only modify others: pressed alone they are not (yet) a combination. */
const MODIFIER_KEYS = new Set(['Control', 'Shift', 'Alt', 'AltGraph', 'Meta', 'OS', 'Super', 'Hyper', 'Fn', 'FnLock', 'CapsLock', 'NumLock', 'ScrollLock', 'Symbol', 'SymbolLock']);

const FUNCTION_KEY = /^F([1-9]|1[0-9]|2[0-4])$/;

/** True for keys that stand for themselves as one character: punctuation and symbols. */
function isSymbol(key: string): boolean {
  return [...key].length === 1 && !/[\p{L}\p{N}\s]/u.test(key);
}

export function isLetterOrDigit(key: string): boolean {
  return /^[A-Z0-9]$/.test(key);
}

export function isFunctionKey(key: string): boolean {
  return FUNCTION_KEY.test(key);
}

/** `Ctrl+Alt+Shift+Meta+Key`, always in that order; `+` itself is written `Plus`. */
export function formatCombo(combo: KeyCombo): string {
  const parts: string[] = [];
  if (combo.ctrl) parts.push('Ctrl');
  if (combo.alt) parts.push('Alt');
  if (combo.shift) parts.push('Shift');
  if (combo.meta) parts.push('Meta');
  parts.push(combo.key === '+' ? 'Plus' : combo.key);
  return parts.join('+');
}

function canonicalKey(written: string): string | undefined {
  const alias = KEY_ALIASES[written.toLowerCase()];
  if (alias) return alias;
  if (/^[a-z0-9]$/i.test(written)) return written.toUpperCase();
  if (/^f\d{1,2}$/i.test(written) && FUNCTION_KEY.test(written.toUpperCase())) return written.toUpperCase();
  if (isSymbol(written)) return written;
  return undefined;
}

/**
 * Reads what a user wrote ("ctrl+alt+k", "Cmd+Shift+P", "?", "Ctrl++") into a combination,
 * or says why it cannot be one. A symbol already includes its Shift (`?` is Shift+/ on one
 * keyboard and not on another), so `Shift+?` and Shift with a digit alone are refused.
 */
export function parseCombo(text: string): ComboParse {
  const raw = text.trim();
  if (raw === '') return { ok: false, reason: 'No key was given.' };
  let keyPart: string;
  let modifierPart: string;
  if (raw === '+') {
    keyPart = '+';
    modifierPart = '';
  } else if (raw.endsWith('++')) {
    keyPart = '+';
    modifierPart = raw.slice(0, -2);
  } else {
    const split = raw.lastIndexOf('+');
    keyPart = raw.slice(split + 1).trim();
    modifierPart = split < 0 ? '' : raw.slice(0, split);
  }
  const mods = { ctrl: false, alt: false, shift: false, meta: false };
  for (const written of modifierPart === '' ? [] : modifierPart.split('+')) {
    const name = MODIFIER_ALIASES[written.trim().toLowerCase()];
    if (!name) return { ok: false, reason: `"${written.trim()}" is not a modifier key (Ctrl, Alt, Shift or Meta).` };
    if (mods[name]) return { ok: false, reason: `"${text.trim()}" names ${written.trim()} twice.` };
    mods[name] = true;
  }
  if (keyPart === '') return { ok: false, reason: `"${text.trim()}" ends without a key.` };
  if (MODIFIER_ALIASES[keyPart.toLowerCase()]) return { ok: false, reason: `"${text.trim()}" has only modifier keys; add the key they go with.` };
  const key = canonicalKey(keyPart);
  if (!key) return { ok: false, reason: `"${keyPart}" is not a key the softphone knows (letters, digits, F1–F24, named keys such as Enter or ArrowUp, or one symbol such as ?).` };
  if (mods.shift && isSymbol(key)) return { ok: false, reason: `Write the character Shift gives instead of Shift+${key}: keyboards differ in which symbols need Shift.` };
  if (mods.shift && /^[0-9]$/.test(key) && !mods.ctrl && !mods.alt && !mods.meta) {
    return { ok: false, reason: `Shift+${key} types a symbol that differs between keyboards; write that symbol, or add Ctrl or Alt.` };
  }
  return { ok: true, combo: { ...mods, key } };
}

/** The canonical text of a written combination, or undefined when it is not one. */
export function normalizeCombo(text: string): string | undefined {
  const parsed = parseCombo(text);
  return parsed.ok ? formatCombo(parsed.combo) : undefined;
}

/** The letter or digit under the finger, from the physical key: `KeyN` → `N`, `Digit1`/`Numpad1` → `1`. */
function keyFromCode(code: string): string | undefined {
  const match = /^(?:Key([A-Z])|Digit([0-9])|Numpad([0-9]))$/.exec(code);
  return match ? (match[1] ?? match[2] ?? match[3]) : undefined;
}

/**
 * The combination a key press makes, or undefined for a modifier alone, AltGr, an IME
 * composition or a key that cannot be bound. Letters and digits come from the layout (`key`),
 * so Ctrl+A is the key labelled A on AZERTY too; where a modifier turns them into another
 * character (Option+N on a Mac gives "˜", Ctrl+Shift+1 gives "!") the physical key is used.
 */
export function comboFromKey(input: KeyInput): KeyCombo | undefined {
  if (input.altGraph || MODIFIER_KEYS.has(input.key)) return undefined;
  const command = input.ctrlKey || input.altKey || input.metaKey;
  const mods = { ctrl: input.ctrlKey, alt: input.altKey, shift: input.shiftKey, meta: input.metaKey };
  const single = [...input.key].length === 1;
  if (single && /^[a-z0-9]$/i.test(input.key)) return { ...mods, key: input.key.toUpperCase() };
  if (command) {
    const physical = keyFromCode(input.code);
    if (physical && (single || input.key === 'Dead' || input.key === 'Unidentified')) return { ...mods, key: physical };
  }
  if (input.key === ' ') return { ...mods, key: 'Space' };
  if (single && isSymbol(input.key)) return { ...mods, shift: false, key: input.key };
  if (input.key === 'Esc') return { ...mods, key: 'Escape' };
  if ((NAMED_KEYS as readonly string[]).includes(input.key) || FUNCTION_KEY.test(input.key)) return { ...mods, key: input.key };
  return undefined;
}

/** A combination that types a character into a text box (no Ctrl, Alt or Meta): `?`, `Shift+N`, `Space`. */
export function typesText(combo: KeyCombo): boolean {
  if (combo.ctrl || combo.alt || combo.meta) return false;
  return combo.key === 'Space' || isLetterOrDigit(combo.key) || isSymbol(combo.key);
}

export function modifierCount(combo: KeyCombo): number {
  return [combo.ctrl, combo.alt, combo.shift, combo.meta].filter(Boolean).length;
}
