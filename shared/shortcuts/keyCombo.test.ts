import { describe, expect, it } from 'vitest';
import { comboFromKey, formatCombo, normalizeCombo, parseCombo, typesText, type KeyInput } from './keyCombo';

describe('parseCombo / normalizeCombo', () => {
  it.each([
    ['Ctrl+Alt+K', 'Ctrl+Alt+K'],
    ['ctrl+alt+k', 'Ctrl+Alt+K'],
    ['alt+ctrl+k', 'Ctrl+Alt+K'],
    [' Shift + Alt + n ', 'Alt+Shift+N'],
    ['Control+Option+Cmd+Shift+p', 'Ctrl+Alt+Shift+Meta+P'],
    ['Super+1', 'Meta+1'],
    ['Win+E', 'Meta+E'],
    ['?', '?'],
    ['/', '/'],
    ['Ctrl+Enter', 'Ctrl+Enter'],
    ['ctrl+return', 'Ctrl+Enter'],
    ['Esc', 'Escape'],
    ['alt+up', 'Alt+ArrowUp'],
    ['Ctrl+PgDn', 'Ctrl+PageDown'],
    ['f9', 'F9'],
    ['Ctrl+F24', 'Ctrl+F24'],
    ['Ctrl++', 'Ctrl+Plus'],
    ['Ctrl+Plus', 'Ctrl+Plus'],
    ['+', 'Plus'],
    ['Ctrl+-', 'Ctrl+-'],
    ['Alt+space', 'Alt+Space'],
    ['Ctrl+Shift+1', 'Ctrl+Shift+1'],
    ['Shift+N', 'Shift+N'],
  ])('%j → %j', (text, canonical) => {
    expect(normalizeCombo(text)).toBe(canonical);
  });

  it.each([
    ['', 'No key was given.'],
    ['Ctrl+', 'ends without a key'],
    ['Ctrl+Shift', 'only modifier keys'],
    ['Hyper+K', '"Hyper" is not a modifier key'],
    ['Ctrl+Ctrl+K', 'names Ctrl twice'],
    ['Alt+Banana', '"Banana" is not a key'],
    ['F25', '"F25" is not a key'],
    ['Shift+?', 'Write the character Shift gives'],
    ['Shift+1', 'types a symbol'],
    ['Alt+é', '"é" is not a key'],
  ])('refuses %j with a reason', (text, reason) => {
    const parsed = parseCombo(text);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.reason).toContain(reason);
  });

  it('formats what it parses, and parses what it formats', () => {
    for (const text of ['Ctrl+Alt+Meta+Plus', 'Ctrl+Alt+Shift+Meta+K', 'Alt+N', '?', 'Ctrl+Enter', 'F12', 'Meta+Space']) {
      const parsed = parseCombo(text);
      expect(parsed.ok).toBe(true);
      if (parsed.ok) expect(formatCombo(parsed.combo)).toBe(text);
    }
  });
});

const press = (key: string, code: string, mods: Partial<Omit<KeyInput, 'key' | 'code'>> = {}): KeyInput => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  metaKey: false,
  ...mods,
});

describe('comboFromKey: what a key press is', () => {
  it.each<[string, KeyInput, string | undefined]>([
    ['a letter', press('n', 'KeyN', { altKey: true }), 'Alt+N'],
    ['Shift with a letter', press('N', 'KeyN', { shiftKey: true }), 'Shift+N'],
    ['AZERTY: the key labelled A', press('a', 'KeyQ', { ctrlKey: true }), 'Ctrl+A'],
    ['macOS Option+N, a dead key', press('Dead', 'KeyN', { altKey: true }), 'Alt+N'],
    ['macOS Option+P, a symbol', press('π', 'KeyP', { altKey: true }), 'Alt+P'],
    ['Ctrl+Shift+1 (the key gives "!")', press('!', 'Digit1', { ctrlKey: true, shiftKey: true }), 'Ctrl+Shift+1'],
    ['AZERTY Ctrl+1 (the key gives "&")', press('&', 'Digit1', { ctrlKey: true }), 'Ctrl+1'],
    ['Cyrillic layout Alt+N', press('т', 'KeyN', { altKey: true }), 'Alt+N'],
    ['? is Shift+/ on US keyboards: Shift is part of the symbol', press('?', 'Slash', { shiftKey: true }), '?'],
    ['? on a French keyboard', press('?', 'Comma', { shiftKey: true }), '?'],
    ['Ctrl+Enter', press('Enter', 'Enter', { ctrlKey: true }), 'Ctrl+Enter'],
    ['Escape', press('Escape', 'Escape'), 'Escape'],
    ['Space', press(' ', 'Space'), 'Space'],
    ['F9 with Shift', press('F9', 'F9', { shiftKey: true }), 'Shift+F9'],
    ['a numpad digit', press('7', 'Numpad7', { altKey: true }), 'Alt+7'],
    ['Ctrl and the plus key', press('+', 'Equal', { ctrlKey: true, shiftKey: true }), 'Ctrl+Plus'],
    ['Ctrl alone', press('Control', 'ControlLeft', { ctrlKey: true }), undefined],
    ['Shift alone', press('Shift', 'ShiftLeft', { shiftKey: true }), undefined],
    ['AltGr+Q typing @ (Windows reports Ctrl+Alt)', press('@', 'KeyQ', { ctrlKey: true, altKey: true, altGraph: true }), undefined],
    ['a letter of another script, no modifier', press('т', 'KeyN'), undefined],
    ['an IME composition', press('Process', 'KeyA'), undefined],
    ['a media key', press('MediaPlayPause', 'MediaPlayPause'), undefined],
  ])('%s', (_what, input, expected) => {
    const combo = comboFromKey(input);
    expect(combo === undefined ? undefined : formatCombo(combo)).toBe(expected);
  });
});

describe('typesText', () => {
  it.each([
    ['?', true],
    ['N', true],
    ['Shift+N', true],
    ['Space', true],
    ['Shift+Space', true],
    ['Alt+N', false],
    ['Ctrl+Enter', false],
    ['F9', false],
    ['Escape', false],
  ])('%s → %s', (text, expected) => {
    const parsed = parseCombo(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    expect(typesText(parsed.combo)).toBe(expected);
  });
});
