import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../shared/ipc/contract';
import type { SettingsView } from '../../shared/settings';
import { createGenesysEmulator, SANDBOX_USER, type GenesysEmulator } from '../../sandbox/genesys';
import { AppConfigSchema } from '../core/config/appConfig';
import { createCore } from '../core/createCore';
import { createLogger } from '../core/log/logger';
import { createAesGcmFileCipher } from '../core/secrets/aesGcmFileCipher';
import { GlobalShortcutStatusBox } from '../core/settings/globalShortcutFeed';
import type { SoftphoneCore } from '../core/softphoneCore';
import { startGlobalShortcuts } from './globalShortcuts';

/** Electron's globalShortcut as the system would act: some keys taken by other applications. */
class FakeGlobalShortcut {
  readonly callbacks = new Map<string, () => void>();
  readonly unregistered: string[] = [];
  constructor(private readonly taken: ReadonlySet<string> = new Set()) {}
  register(accelerator: string, callback: () => void): boolean {
    if (this.taken.has(accelerator)) return false;
    this.callbacks.set(accelerator, callback);
    return true;
  }
  unregister(accelerator: string): void {
    this.unregistered.push(accelerator);
    this.callbacks.delete(accelerator);
  }
  press(accelerator: string): void {
    const callback = this.callbacks.get(accelerator);
    if (!callback) throw new Error(`${accelerator} is not registered`);
    callback();
  }
}

async function until<T>(read: () => T | undefined, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

describe('global shortcuts (the Electron glue, on a real core and the Genesys emulator)', () => {
  let emulator: GenesysEmulator;
  let url: string;
  let core: SoftphoneCore;
  let events: AppEvent[];
  let sent: AppEvent[];
  let reveals: number;
  let status: GlobalShortcutStatusBox;
  let stop: (() => void) | undefined;
  const clip = { selection: '', clipboard: '' };
  const clipboard = { readText: async () => clip.clipboard, selection: { readText: async () => clip.selection } };

  beforeAll(async () => {
    emulator = createGenesysEmulator({ users: [{ ...SANDBOX_USER }], publishDelayMs: { min: 0, max: 5 }, answerDelayMs: 50, cometdTimeoutMs: 2_000 });
    url = await emulator.listen(0);
  });
  afterAll(async () => {
    await emulator.close();
  });

  beforeEach(async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'softphone-global-shortcuts-'));
    status = new GlobalShortcutStatusBox({ state: 'unavailable', note: 'The global shortcuts are being registered.', refused: [] });
    core = await createCore({
      config: AppConfigSchema.parse({
        defaultCountry: 'GB',
        profiles: [{ id: 'gws', vendor: 'genesys', baseUrl: url, username: SANDBOX_USER.userName, password: { env: 'GWS_PASSWORD' } }],
      }),
      sandbox: false,
      dataDir,
      cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')),
      log: createLogger({ file: join(dataDir, 'logs', 'softphone.log') }),
      signInAtStart: false,
      env: { GWS_PASSWORD: SANDBOX_USER.password },
      globalShortcuts: status,
    });
    events = [];
    sent = [];
    reveals = 0;
    core.onEvent((event) => events.push(event));
    emulator.server.log.clear();
  });
  afterEach(async () => {
    stop?.();
    stop = undefined;
    await core.dispose();
  });

  const start = (shortcuts: FakeGlobalShortcut, platform: NodeJS.Platform = 'linux', env: NodeJS.ProcessEnv = { XDG_SESSION_TYPE: 'x11' }): void => {
    stop = startGlobalShortcuts({
      core,
      globalShortcut: shortcuts,
      clipboard,
      platform,
      env,
      status,
      reveal: () => void (reveals += 1),
      send: (event) => void sent.push(event),
      log: createLogger({ file: join(tmpdir(), `softphone-global-shortcuts-${randomUUID()}.log`) }),
    });
  };
  const settings = async (): Promise<SettingsView> => {
    const outcome = await core.dispatch('settings.get', {});
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as SettingsView;
  };

  it('registers the three default keys, and Settings says they are in force', async () => {
    const system = new FakeGlobalShortcut();
    start(system);
    await until(() => status.current().state === 'active', 'the registration');
    expect([...system.callbacks.keys()].sort()).toEqual(['Control+Alt+Shift+D', 'Control+Alt+Shift+H', 'Control+Alt+Shift+P']);
    expect((await settings()).globalShortcuts).toEqual({ state: 'active', refused: [] });
  });

  it('says which keys the system refused', async () => {
    start(new FakeGlobalShortcut(new Set(['Control+Alt+Shift+H'])));
    const refused = await until(() => (status.current().state === 'partial' ? status.current() : undefined), 'the partial status');
    expect(refused.refused).toEqual(['hangUpActive']);
    expect((await settings()).globalShortcuts.note).toMatch(/refused the keys of “Hang up the active call”/);
  });

  it('does not try on Wayland, and says why', async () => {
    const system = new FakeGlobalShortcut();
    start(system, 'linux', { XDG_SESSION_TYPE: 'wayland', WAYLAND_DISPLAY: 'wayland-0' });
    expect(system.callbacks.size).toBe(0);
    expect((await settings()).globalShortcuts).toMatchObject({ state: 'unavailable', note: expect.stringMatching(/Wayland/), refused: ['showDialer', 'dialSelection', 'hangUpActive'] });
  });

  it('registers again when the user changes a global shortcut in Settings', async () => {
    const system = new FakeGlobalShortcut();
    start(system);
    await until(() => system.callbacks.size === 3, 'the registration');
    expect(await core.dispatch('settings.preferences.set', { shortcuts: { showDialer: 'Ctrl+Shift+F9', hangUpActive: '' } })).toMatchObject({ ok: true });
    await until(() => system.callbacks.has('Control+Shift+F9'), 'the new key');
    expect([...system.callbacks.keys()].sort()).toEqual(['Control+Alt+Shift+D', 'Control+Shift+F9']);
    expect(system.unregistered).toEqual(expect.arrayContaining(['Control+Alt+Shift+P', 'Control+Alt+Shift+H']));
  });

  it('"show the dialer" brings the window forward and tells the renderer to focus the number', async () => {
    const system = new FakeGlobalShortcut();
    start(system);
    await until(() => system.callbacks.size === 3, 'the registration');
    system.press('Control+Alt+Shift+P');
    expect(reveals).toBe(1);
    expect(sent).toEqual([{ type: 'dialer.show' }]);
  });

  it('"dial the selection" on Linux reads the primary selection into the link handler, which fills the dialer and asks', async () => {
    const system = new FakeGlobalShortcut();
    start(system);
    await until(() => system.callbacks.size === 3, 'the registration');
    clip.selection = 'Phone: +44 (0)20 7206 8888 ext. 12';
    clip.clipboard = '+1 213 373 4253';
    system.press('Control+Alt+Shift+D');
    const prefill = await until(() => events.find((event) => event.type === 'dial.prefill'), 'the prefill');
    expect(prefill).toEqual({ type: 'dial.prefill', number: '+442072068888', postDial: ',12' });
    expect(reveals).toBe(1);
    // Filled and asked: nothing reached the vendor.
    expect(emulator.server.log.list().filter((request) => request.method === 'POST')).toEqual([]);
  });

  it('"dial the selection" elsewhere reads what the agent copied', async () => {
    const system = new FakeGlobalShortcut();
    start(system, 'win32', {});
    await until(() => system.callbacks.size === 3, 'the registration');
    clip.selection = '';
    clip.clipboard = '+1 213 373 4253';
    system.press('Control+Alt+Shift+D');
    expect(await until(() => events.find((event) => event.type === 'dial.prefill'), 'the prefill')).toEqual({ type: 'dial.prefill', number: '+12133734253' });
  });

  it('"dial the selection" with no number selected says so, and fills nothing', async () => {
    const system = new FakeGlobalShortcut();
    start(system);
    await until(() => system.callbacks.size === 3, 'the registration');
    clip.selection = 'Kind regards';
    system.press('Control+Alt+Shift+D');
    expect(await until(() => sent.find((event) => event.type === 'notice'), 'the notice')).toEqual({
      type: 'notice',
      level: 'warning',
      message: 'The selected text “Kind regards” has no phone number in it.',
    });
    expect(events.filter((event) => event.type === 'dial.prefill')).toEqual([]);
  });

  it('"hang up the active call" hangs up the live call at the vendor, and says so when there is none', async () => {
    const system = new FakeGlobalShortcut();
    start(system);
    await until(() => system.callbacks.size === 3, 'the registration');
    system.press('Control+Alt+Shift+H');
    expect(await until(() => sent.find((event) => event.type === 'notice'), 'the notice')).toEqual({ type: 'notice', level: 'info', message: 'There is no call to hang up.' });

    expect(await core.dispatch('session.signIn', { profileId: 'gws' })).toMatchObject({ ok: true, value: { status: 'signed-in' } });
    const dialled = await core.dispatch('call.dial', { profileId: 'gws', intentId: randomUUID(), target: { kind: 'phone', input: '5001', number: '5001' } });
    if (!dialled.ok) throw new Error(dialled.error.message);
    const { callId } = dialled.value as { callId: string };
    await until(() => events.some((event) => event.type === 'call.updated' && event.call.id === callId && event.call.state === 'connected'), 'the connected call');

    system.press('Control+Alt+Shift+H');
    await until(() => events.some((event) => event.type === 'call.updated' && event.call.id === callId && event.call.state === 'ended'), 'the ended call');
    const operations = emulator.server.log
      .list()
      .filter((request) => request.method === 'POST' && request.path.startsWith('/api/v2/me/calls/'))
      .map((request) => (JSON.parse(request.body) as { operationName: string }).operationName);
    expect(operations).toEqual(['Hangup']);
  });
});
