import { beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS, type AppEvent, type SoftphoneApi } from '../../shared/ipc/contract';
import { EVENT_CHANNEL } from '../../shared/ipc/channels';

type IpcListener = (event: unknown, ...args: unknown[]) => void;

/** What the preload handed to Electron: the exposed worlds and every IPC call it made. */
const electron = vi.hoisted(() => ({
  exposed: new Map<string, unknown>(),
  invoked: [] as Array<{ channel: string; args: unknown[] }>,
  listeners: new Map<string, Set<IpcListener>>(),
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => void electron.exposed.set(key, api),
  },
  ipcRenderer: {
    invoke: async (channel: string, ...args: unknown[]) => {
      electron.invoked.push({ channel, args });
      return { ok: true, value: { channel } };
    },
    on: (channel: string, listener: IpcListener) => {
      const set = electron.listeners.get(channel) ?? new Set<IpcListener>();
      set.add(listener);
      electron.listeners.set(channel, set);
    },
    removeListener: (channel: string, listener: IpcListener) => void electron.listeners.get(channel)?.delete(listener),
  },
}));

async function loadPreload(): Promise<SoftphoneApi> {
  vi.resetModules();
  electron.exposed.clear();
  await import('./index');
  expect([...electron.exposed.keys()]).toEqual(['softphone']);
  return electron.exposed.get('softphone') as SoftphoneApi;
}

function emitFromMain(channel: string, ...args: unknown[]): void {
  for (const listener of electron.listeners.get(channel) ?? []) listener({ sender: 'ipc-renderer-event' }, ...args);
}

describe('preload', () => {
  beforeEach(() => {
    electron.invoked.length = 0;
    electron.listeners.clear();
  });

  it('exposes exactly the contract channels and onEvent, nothing generic', async () => {
    const api = await loadPreload();
    expect(Object.keys(api).sort()).toEqual([...CHANNELS, 'onEvent'].sort());
    for (const key of Object.keys(api)) expect(typeof (api as unknown as Record<string, unknown>)[key]).toBe('function');
    for (const generic of ['invoke', 'send', 'sendSync', 'on', 'ipcRenderer', 'postMessage']) expect(api).not.toHaveProperty(generic);
  });

  it.each(CHANNELS)('%s invokes its own channel, once, with the request unchanged', async (channel) => {
    const api = await loadPreload();
    const request = { probe: channel };
    const call = (api as unknown as Record<string, (request: unknown) => Promise<unknown>>)[channel];
    await expect(call?.(request)).resolves.toEqual({ ok: true, value: { channel } });
    expect(electron.invoked).toEqual([{ channel, args: [request] }]);
  });

  it('delivers events from the event channel without the IPC event object, until unsubscribed', async () => {
    const api = await loadPreload();
    const received: unknown[][] = [];
    const unsubscribe = api.onEvent((...args: unknown[]) => void received.push(args));
    const event: AppEvent = { type: 'dial.prefill', number: '+441234567890' };

    emitFromMain(EVENT_CHANNEL, event);
    emitFromMain('call.dial', { type: 'notice', level: 'error', message: 'not an event channel' });
    unsubscribe();
    emitFromMain(EVENT_CHANNEL, event);

    expect(received).toEqual([[event]]);
    expect(electron.listeners.get(EVENT_CHANNEL)?.size).toBe(0);
  });
});
