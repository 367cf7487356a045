import { describe, expect, it } from 'vitest';
import { parseTelUri } from '../../shared/telUri';
import { globalShortcutSupport, selectionSource, selectionToLink, statusOf, toAccelerator } from './globalShortcutRules';

describe('toAccelerator', () => {
  it.each([
    ['Ctrl+Alt+Shift+D', 'Control+Alt+Shift+D'],
    ['ctrl+alt+shift+p', 'Control+Alt+Shift+P'],
    ['Meta+Alt+H', 'Alt+Super+H'],
    ['Ctrl+Shift+F9', 'Control+Shift+F9'],
    ['Ctrl+Alt+Enter', 'Control+Alt+Return'],
    ['Ctrl+Alt+ArrowUp', 'Control+Alt+Up'],
    ['Ctrl+Alt+Plus', 'Control+Alt+Plus'],
    ['Ctrl+Alt+Space', 'Control+Alt+Space'],
    ['Ctrl+Alt+/', 'Control+Alt+/'],
  ])('%s → %s', (keys, accelerator) => {
    expect(toAccelerator(keys)).toBe(accelerator);
  });

  it('has no accelerator for text that is not a combination', () => {
    expect(toAccelerator('Ctrl+')).toBeUndefined();
    expect(toAccelerator('')).toBeUndefined();
  });
});

describe('globalShortcutSupport', () => {
  it.each<[NodeJS.Platform, NodeJS.ProcessEnv, boolean]>([
    ['linux', { XDG_SESSION_TYPE: 'x11', DISPLAY: ':0' }, true],
    ['linux', { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' }, false],
    ['linux', { WAYLAND_DISPLAY: 'wayland-0' }, false],
    // XWayland session forced to X11 by the user.
    ['linux', { XDG_SESSION_TYPE: 'x11', WAYLAND_DISPLAY: 'wayland-0' }, true],
    ['linux', {}, true],
    ['win32', { XDG_SESSION_TYPE: 'wayland' }, true],
    ['darwin', {}, true],
  ])('%s %j → supported %s', (platform, env, ok) => {
    const support = globalShortcutSupport(platform, env);
    expect(support.ok).toBe(ok);
    if (!support.ok) expect(support.note).toMatch(/Wayland.*in-app shortcuts work/);
  });
});

describe('statusOf', () => {
  it('all registered: active, nothing to say', () => {
    expect(statusOf([{ action: 'showDialer', registered: true }, { action: 'hangUpActive', registered: true }])).toEqual({ state: 'active', refused: [] });
  });

  it('some refused: partial, naming them', () => {
    expect(statusOf([{ action: 'showDialer', registered: true }, { action: 'dialSelection', registered: false }])).toEqual({
      state: 'partial',
      note: 'The system refused the keys of “Dial the selected text (Linux) or the copied text (Windows, macOS)”: another application probably uses them. Choose other keys in Settings.',
      refused: ['dialSelection'],
    });
  });

  it('all refused: unavailable', () => {
    expect(statusOf([{ action: 'showDialer', registered: false }])).toMatchObject({ state: 'unavailable', refused: ['showDialer'] });
  });

  it('none bound: active', () => {
    expect(statusOf([])).toEqual({ state: 'active', refused: [] });
  });
});

describe('selectionSource', () => {
  it.each<[NodeJS.Platform, string]>([
    ['linux', 'selection'],
    ['win32', 'clipboard'],
    ['darwin', 'clipboard'],
  ])('%s reads the %s', (platform, source) => {
    expect(selectionSource(platform)).toBe(source);
  });
});

describe('selectionToLink: selected text → the link the core parses', () => {
  it.each([
    ['+1 (213) 373-4253', 'GB', 'tel:+12133734253', '+12133734253', undefined],
    ['Tel: +44 (0)20 7206 8888', 'GB', 'tel:+442072068888', '+442072068888', undefined],
    ['020 7206 8888', 'GB', 'tel:02072068888', '02072068888', undefined],
    ['0044 20 7206 8888', 'GB', 'tel:+442072068888', '+442072068888', undefined],
    ['1-800-FLOWERS', 'US', 'tel:18003569377', '18003569377', undefined],
    ['+44 20 7206 8888 ext. 123', 'GB', 'tel:+442072068888;postd=p123', '+442072068888', ',123'],
    ['5001;;1#', 'GB', 'tel:5001;postd=pp1%23', '5001', ',,1#'],
    ['  tel:+1-213-373-4253  ', 'GB', 'tel:+1-213-373-4253', '+12133734253', undefined],
  ])('%j (default %s) → %s', (text, country, uri, number, postDial) => {
    const link = selectionToLink(text, 'selection', country);
    expect(link).toEqual({ ok: true, uri });
    if (!link.ok) return;
    // The core's parser reads it as the dialler meant it.
    const parsed = parseTelUri(link.uri);
    expect(parsed).toMatchObject({ ok: true, number });
    if (parsed.ok) expect(parsed.postDial).toBe(postDial);
  });

  it.each<[string, 'selection' | 'clipboard', string]>([
    ['', 'selection', 'Nothing is selected: select a phone number, then press the shortcut.'],
    ['   ', 'clipboard', 'The clipboard is empty: copy a phone number, then press the shortcut.'],
    ['hello world', 'selection', 'The selected text “hello world” has no phone number in it.'],
    ['x'.repeat(201), 'clipboard', 'The copied text is 201 characters long, too long to be a phone number.'],
  ])('refuses %j from the %s', (text, source, reason) => {
    expect(selectionToLink(text, source, 'GB')).toEqual({ ok: false, reason });
  });

  it('passes a selected link on as it is, for the core to accept or refuse', () => {
    expect(selectionToLink('callto:skypeuser', 'selection', 'GB')).toEqual({ ok: true, uri: 'callto:skypeuser' });
  });
});
