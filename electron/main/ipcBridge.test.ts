import { describe, expect, it } from 'vitest';
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { CHANNELS, type AppEvent, type Outcome } from '../../shared/ipc/contract';
import type { Logger } from '../vendors/adapter';
import { EVENT_CHANNEL } from '../../shared/ipc/channels';
import { bindContract, forwardEvents } from './ipcBridge';
import { APP_URL } from './security/appOrigin';

type Handler = (event: IpcMainInvokeEvent, payload: unknown) => unknown;

const silent: Logger = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };

/** Stands in for Electron's ipcMain: keeps the registered handlers so a test can invoke them. */
function fakeIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: (channel: string, handler: Handler) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, handler);
    },
    removeHandler: (channel: string) => void handlers.delete(channel),
  };
}

function recordingCore() {
  const dispatched: Array<{ channel: unknown; payload: unknown }> = [];
  return {
    dispatched,
    dispatch: async (channel: unknown, payload: unknown): Promise<Outcome<unknown>> => {
      dispatched.push({ channel, payload });
      return { ok: true, value: { echoed: channel } };
    },
  };
}

function fakeContents(id: number, url = APP_URL) {
  const sent: Array<{ channel: string; event: unknown }> = [];
  const contents = {
    id,
    url,
    destroyed: false,
    isDestroyed: () => contents.destroyed,
    getURL: () => contents.url,
    send: (channel: string, event: unknown) => void sent.push({ channel, event }),
  };
  return { contents, sent, asWebContents: contents as unknown as WebContents };
}

function invokeEvent(senderId: number, frame: { url: string; topFrame: boolean } | null): IpcMainInvokeEvent {
  const senderFrame = frame === null ? null : { url: frame.url, parent: frame.topFrame ? null : {} };
  return { sender: { id: senderId }, senderFrame } as unknown as IpcMainInvokeEvent;
}

describe('bindContract', () => {
  const APP_ID = 3;
  const setUp = () => {
    const ipcMain = fakeIpcMain();
    const core = recordingCore();
    const { asWebContents } = fakeContents(APP_ID);
    const unbind = bindContract({ ipcMain, core, appUrl: APP_URL, appWebContents: () => asWebContents, log: silent });
    const invoke = (channel: string, event: IpcMainInvokeEvent, payload: unknown) => {
      const handler = ipcMain.handlers.get(channel);
      if (handler === undefined) throw new Error(`no handler for ${channel}`);
      return handler(event, payload);
    };
    return { ipcMain, core, unbind, invoke };
  };

  it('registers exactly one handler per contract channel', () => {
    const { ipcMain, unbind } = setUp();
    expect([...ipcMain.handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    unbind();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it.each(CHANNELS)('passes %s from the app frame to the core on its own channel', async (channel) => {
    const { core, invoke } = setUp();
    const payload = { probe: channel };
    await expect(invoke(channel, invokeEvent(APP_ID, { url: APP_URL, topFrame: true }), payload)).resolves.toEqual({
      ok: true,
      value: { echoed: channel },
    });
    expect(core.dispatched).toEqual([{ channel, payload }]);
  });

  it.each<[string, IpcMainInvokeEvent]>([
    ['a sub-frame', invokeEvent(3, { url: APP_URL, topFrame: false })],
    ['another origin', invokeEvent(3, { url: 'https://evil.example/', topFrame: true })],
    ['a destroyed frame', invokeEvent(3, null)],
    ['another WebContents', invokeEvent(4, { url: APP_URL, topFrame: true })],
  ])('answers FORBIDDEN to %s and never reaches the core', async (_name, event) => {
    const { core, invoke } = setUp();
    const outcome = (await invoke('call.dial', event, { profileId: 'gws' })) as Outcome<unknown>;
    expect(outcome.ok).toBe(false);
    expect(outcome.ok === false && outcome.error.code).toBe('FORBIDDEN');
    expect(core.dispatched).toEqual([]);
  });
});

describe('bindContract when the core fails', () => {
  it('still answers with an Outcome, never a rejection', async () => {
    const ipcMain = fakeIpcMain();
    const { asWebContents } = fakeContents(3);
    const core = { dispatch: () => Promise.reject(new Error('boom')) };
    bindContract({ ipcMain, core, appUrl: APP_URL, appWebContents: () => asWebContents, log: silent });
    const outcome = await ipcMain.handlers.get('app.bootstrap')?.(invokeEvent(3, { url: APP_URL, topFrame: true }), {});
    expect(outcome).toEqual({ ok: false, error: { code: 'INTERNAL', message: expect.stringContaining('in the log') } });
  });
});

describe('forwardEvents', () => {
  const notice: AppEvent = { type: 'notice', level: 'info', message: 'Signed in' };

  const setUp = (window: ReturnType<typeof fakeContents> | undefined) => {
    let listener: ((event: AppEvent) => void) | undefined;
    const core = {
      onEvent: (next: (event: AppEvent) => void) => {
        listener = next;
        return () => {
          listener = undefined;
        };
      },
    };
    const stop = forwardEvents(core, APP_URL, () => window?.asWebContents);
    return { emit: (event: AppEvent) => listener?.(event), stop };
  };

  it('sends every core event to the app window on the one event channel', () => {
    const window = fakeContents(3);
    const { emit } = setUp(window);
    emit(notice);
    expect(window.sent).toEqual([{ channel: EVENT_CHANNEL, event: notice }]);
  });

  it('sends nothing to a window that left the app page or was destroyed', () => {
    const window = fakeContents(3, 'https://evil.example/');
    const { emit } = setUp(window);
    emit(notice);
    window.contents.url = APP_URL;
    window.contents.destroyed = true;
    emit(notice);
    expect(window.sent).toEqual([]);
  });

  it('copes with no window', () => {
    const { emit } = setUp(undefined);
    expect(() => emit(notice)).not.toThrow();
  });

  it('stops forwarding once unsubscribed', () => {
    const window = fakeContents(3);
    const { emit, stop } = setUp(window);
    stop();
    emit(notice);
    expect(window.sent).toEqual([]);
  });
});
