import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/ipc/contract';
import type { SettingsView } from '../../../shared/settings';
import { GLOBAL_SHORTCUTS_UNAVAILABLE_IN_BROWSER, type GlobalShortcutStatus } from '../../../shared/shortcuts/globalShortcutStatus';
import { AppConfigSchema } from '../config/appConfig';
import { createCore } from '../createCore';
import { createLogger } from '../log/logger';
import { createAesGcmFileCipher } from '../secrets/aesGcmFileCipher';
import type { SoftphoneCore } from '../softphoneCore';
import { GlobalShortcutStatusBox } from './globalShortcutFeed';

/** Shortcut and notification preferences through the contract, as the renderer sets them. */
describe('shortcut and notification preferences in the core', () => {
  let dataDir: string;
  let core: SoftphoneCore;
  let events: AppEvent[];
  let box: GlobalShortcutStatusBox | undefined;

  async function start(withBox = false): Promise<void> {
    box = withBox ? new GlobalShortcutStatusBox(GLOBAL_SHORTCUTS_UNAVAILABLE_IN_BROWSER) : undefined;
    core = await createCore({
      config: AppConfigSchema.parse({
        defaultCountry: 'GB',
        // Never signed in: these tests only read and write preferences.
        profiles: [{ id: 'gws', vendor: 'genesys', baseUrl: 'http://127.0.0.1:9', username: 'agent1', password: { env: 'GWS_PASSWORD' } }],
      }),
      sandbox: false,
      dataDir,
      cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')),
      log: createLogger({ file: join(dataDir, 'logs', 'softphone.log') }),
      signInAtStart: false,
      env: { GWS_PASSWORD: 'x' },
      ...(box ? { globalShortcuts: box } : {}),
    });
    events = [];
    core.onEvent((event) => events.push(event));
  }

  const view = async (): Promise<SettingsView> => {
    const outcome = await core.dispatch('settings.get', {});
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as SettingsView;
  };
  const setPreferences = (change: unknown) => core.dispatch('settings.preferences.set', change);
  const stored = (): unknown => (existsSync(join(dataDir, 'settings.json')) ? JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8')) : undefined);

  beforeEach(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'softphone-shortcuts-'));
    await start();
  });
  afterEach(async () => {
    await core.dispose();
  });

  it('shows the default shortcuts, notifications on, and global shortcuts unavailable in the browser shell', async () => {
    const settings = await view();
    expect(settings.shortcuts).toMatchObject({ focusNumber: 'Alt+N', dial: 'Ctrl+Enter', showShortcuts: '?', dialSelection: 'Ctrl+Alt+Shift+D' });
    expect(settings.notifications).toBe(true);
    expect(settings.globalShortcuts).toEqual(GLOBAL_SHORTCUTS_UNAVAILABLE_IN_BROWSER);
  });

  it('stores a changed shortcut canonically, only as a difference from the defaults, and keeps it across restarts', async () => {
    expect(await setPreferences({ shortcuts: { focusNumber: 'alt+k', showShortcuts: '' } })).toEqual({ ok: true, value: {} });
    expect(events).toContainEqual({ type: 'settings.updated' });
    expect(stored()).toEqual({ shortcuts: { focusNumber: 'Alt+K', showShortcuts: '' } });
    await core.dispose();
    await start();
    expect((await view()).shortcuts).toMatchObject({ focusNumber: 'Alt+K', showShortcuts: '', openHistory: 'Alt+Y' });

    // Back to the default: nothing left to store for it.
    await setPreferences({ shortcuts: { focusNumber: 'Alt+N' } });
    expect(stored()).toEqual({ shortcuts: { showShortcuts: '' } });
  });

  it.each([
    ['two actions on one key', { focusNumber: 'Alt+Y' }, 'shortcuts.focusNumber', 'Go to the phone number: Alt+Y is also the shortcut for “Open the history”.'],
    ['a key the browser keeps', { dial: 'Ctrl+W' }, 'shortcuts.dial', 'Call the number in the dialer: Ctrl+W closes the window.'],
    ['a global key that types text', { showDialer: 'Shift+D' }, 'shortcuts.showDialer', 'Bring the softphone forward at the dialer: Shift+D types text in other applications; a global shortcut needs Ctrl, Alt or Meta.'],
  ])('refuses %s, and changes nothing else of the request', async (_what, shortcuts, path, message) => {
    const outcome = await setPreferences({ defaultCountry: 'FR', shortcuts });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'VALIDATION', path, message } });
    expect(stored()).toBeUndefined();
    expect((await view()).defaultCountry).toBe('GB');
    expect(events).toEqual([]);
  });

  it.each([
    ['keys that are not a combination', { focusNumber: 'Alt+Banana' }, 'shortcuts.focusNumber'],
    ['an action that does not exist', { launchRockets: 'F2' }, 'shortcuts'],
    ['a binding that is not text', { focusNumber: 7 }, 'shortcuts.focusNumber'],
  ])('the contract refuses %s before the core sees it', async (_what, shortcuts, path) => {
    expect(await setPreferences({ shortcuts })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', path } });
    expect(stored()).toBeUndefined();
  });

  it('keeps notifications off once turned off', async () => {
    await setPreferences({ notifications: false });
    await core.dispose();
    await start();
    expect((await view()).notifications).toBe(false);
  });

  it('shows the global shortcut status main reports, and tells the renderer once per change', async () => {
    await core.dispose();
    await start(true);
    const wayland: GlobalShortcutStatus = { state: 'unavailable', note: 'Wayland gives applications no global keys.', refused: ['showDialer', 'dialSelection', 'hangUpActive'] };
    box?.set(wayland);
    box?.set({ ...wayland, refused: [...wayland.refused] });
    expect((await view()).globalShortcuts).toEqual(wayland);
    expect(events).toEqual([{ type: 'settings.updated' }]);
  });
});
