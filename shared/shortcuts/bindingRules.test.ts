import { describe, expect, it } from 'vitest';
import { actionFor, checkBinding, checkBindings, defaultBindings, firstProblem, overridesOf, resolveBindings } from './bindingRules';
import { parseCombo } from './keyCombo';
import { APP_ACTIONS, SHORTCUT_ACTIONS, SHORTCUTS, type ShortcutAction } from './shortcutActions';

describe('checkBinding: one binding on its own', () => {
  it.each<[ShortcutAction, string, { problem?: RegExp; note?: RegExp }]>([
    ['focusNumber', 'Alt+K', {}],
    ['focusNumber', '', {}],
    ['dial', 'Ctrl+Enter', {}],
    ['showShortcuts', '?', { note: /not in a text box/ }],
    ['showShortcuts', 'Shift+K', { note: /not in a text box/ }],
    ['showShortcuts', 'F1', {}],
    ['focusNumber', 'Ctrl+C', { problem: /Ctrl\+C copies/ }],
    ['focusNumber', 'Meta+V', { problem: /pastes on macOS/ }],
    ['focusNumber', 'Ctrl+W', { problem: /closes the window/ }],
    ['focusNumber', 'Ctrl+Shift+T', { problem: /reopens a closed browser tab/ }],
    ['focusNumber', 'F5', { problem: /reloads/ }],
    ['focusNumber', 'Ctrl+Plus', { problem: /zooms in/ }],
    ['focusNumber', 'Alt+F4', { problem: /closes the window/ }],
    ['focusNumber', 'Alt+F', { problem: /File menu/ }],
    ['focusNumber', 'Alt+ArrowLeft', { problem: /goes back/ }],
    ['focusNumber', 'Escape', { problem: /closes dialogs/ }],
    ['focusNumber', 'Tab', { problem: /moves the focus/ }],
    ['focusNumber', 'Shift+Tab', { problem: /moves the focus/ }],
    ['focusNumber', 'Enter', { problem: /presses buttons/ }],
    ['focusNumber', 'Shift+Enter', { problem: /presses buttons/ }],
    ['focusNumber', 'Space', { problem: /presses buttons/ }],
    ['focusNumber', 'Ctrl+ArrowLeft', { problem: /edits text/ }],
    ['focusNumber', 'Backspace', { problem: /edits text/ }],
    ['focusNumber', 'Shift+End', { problem: /edits text/ }],
    ['focusNumber', 'Alt+ArrowUp', {}],
    ['focusNumber', 'Alt+Banana', { problem: /not a key/ }],
    ['showDialer', 'Ctrl+Alt+Shift+P', {}],
    ['showDialer', 'Ctrl+Shift+F9', {}],
    ['showDialer', 'Ctrl+F9', {}],
    ['showDialer', 'Meta+Alt+D', {}],
    ['showDialer', '?', { problem: /types text in other applications/ }],
    ['showDialer', 'Shift+D', { problem: /types text/ }],
    ['showDialer', 'Alt+D', { problem: /address bar/ }],
    ['showDialer', 'Alt+K', { problem: /needs Ctrl \(or Meta\) with another modifier/ }],
    ['showDialer', 'Ctrl+K', { problem: /needs Ctrl \(or Meta\) with another modifier/ }],
    ['showDialer', 'Alt+Shift+K', { problem: /needs Ctrl \(or Meta\) with another modifier/ }],
    ['showDialer', 'F9', { problem: /needs Ctrl/ }],
  ])('%s = %j', (action, keys, expected) => {
    const check = checkBinding(action, keys);
    if (expected.problem) expect(check.problem).toMatch(expected.problem);
    else expect(check.problem).toBeUndefined();
    if (expected.note) expect(check.note).toMatch(expected.note);
    else expect(check.note).toBeUndefined();
  });
});

describe('checkBindings: the set', () => {
  it('the defaults are free of problems', () => {
    expect(firstProblem(checkBindings(defaultBindings()))).toBeUndefined();
  });

  it('every default is in canonical form', () => {
    for (const action of SHORTCUT_ACTIONS) expect(resolveBindings({ [action]: SHORTCUTS[action].defaultKeys.toLowerCase() })[action]).toBe(SHORTCUTS[action].defaultKeys);
  });

  it('one key for two in-app actions is a conflict for both, named after the other action', () => {
    const checks = checkBindings({ ...defaultBindings(), focusNumber: 'Alt+Y' });
    expect(checks.focusNumber?.problem).toBe('Alt+Y is also the shortcut for “Open the history”.');
    expect(checks.openHistory?.problem).toBe('Alt+Y is also the shortcut for “Go to the phone number”.');
  });

  it('spellings that mean the same key conflict', () => {
    const checks = checkBindings({ ...defaultBindings(), focusNumber: 'alt+y', openHistory: 'Option+Y' });
    expect(checks.focusNumber?.problem).toMatch(/also the shortcut for “Open the history”/);
  });

  it('an in-app key equal to a global one conflicts: the system would take it first', () => {
    const checks = checkBindings({ ...defaultBindings(), hangUp: 'Ctrl+Alt+Shift+H' });
    expect(checks.hangUp?.problem).toMatch(/also the shortcut for “Hang up the active call”/);
    expect(checks.hangUpActive?.problem).toMatch(/also the shortcut for “Hang up the focused call/);
  });

  it('three actions on one key each name the two others', () => {
    const checks = checkBindings({ ...defaultBindings(), focusNumber: 'F2', dial: 'F2', hangUp: 'F2' });
    expect(checks.dial?.problem).toBe('F2 is also the shortcut for “Go to the phone number” and “Hang up the focused call (or the latest one)”.');
  });

  it('removed shortcuts never conflict', () => {
    expect(firstProblem(checkBindings({ ...defaultBindings(), focusNumber: '', dial: '' }))).toBeUndefined();
  });

  it('a reserved key reports why it is reserved, not the conflict', () => {
    const checks = checkBindings({ ...defaultBindings(), focusNumber: 'Ctrl+C', dial: 'Ctrl+C' });
    expect(checks.focusNumber?.problem).toBe('Ctrl+C copies.');
  });
});

describe('stored overrides', () => {
  it('stores only what differs from the defaults, canonically', () => {
    expect(overridesOf(defaultBindings())).toEqual({});
    expect(overridesOf({ ...defaultBindings(), focusNumber: 'alt+k', showShortcuts: '' })).toEqual({ focusNumber: 'Alt+K', showShortcuts: '' });
  });

  it('resolves overrides over the defaults', () => {
    const bindings = resolveBindings({ focusNumber: 'alt+k', dial: '' });
    expect(bindings.focusNumber).toBe('Alt+K');
    expect(bindings.dial).toBe('');
    expect(bindings.openHistory).toBe('Alt+Y');
  });
});

describe('actionFor: the action a key press triggers', () => {
  const pressed = (text: string) => {
    const parsed = parseCombo(text);
    if (!parsed.ok) throw new Error(parsed.reason);
    return parsed.combo;
  };
  const bindings = resolveBindings({ focusNumber: 'Alt+K', dial: '' });

  it.each<[string, ShortcutAction | undefined]>([
    ['Alt+K', 'focusNumber'],
    ['Alt+N', undefined],
    ['Alt+Y', 'openHistory'],
    ['?', 'showShortcuts'],
    ['Ctrl+Enter', undefined],
    ['Ctrl+Alt+Shift+H', undefined],
  ])('%s → %s', (text, action) => {
    expect(actionFor(bindings, pressed(text), APP_ACTIONS)).toBe(action);
  });
});
