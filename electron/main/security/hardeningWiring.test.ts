import { EventEmitter } from 'node:events';
import type { Session, WebContents } from 'electron';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { APP_URL } from './appOrigin';

/**
 * The rules in this folder are tested on their own; these tests check that hardening.ts hooks
 * each one to the Electron event it must guard, and answers the way Electron expects (a
 * prevented event, `{ action: 'deny' }`, a `false` permission). Electron's `shell` is the only
 * stand-in: it is where a link would leave the app.
 */

const openExternal = vi.fn(async (_url: string) => undefined);
vi.mock('electron', () => ({ shell: { openExternal } }));
const { hardenSession, hardenWebContents } = await import('../hardening');

const silent = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };

type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

/** An EventEmitter with setWindowOpenHandler: the parts of WebContents hardening touches. */
function fakeContents() {
  const emitter = new EventEmitter() as EventEmitter & { setWindowOpenHandler(handler: WindowOpenHandler): void; windowOpen?: WindowOpenHandler };
  emitter.setWindowOpenHandler = (handler) => {
    emitter.windowOpen = handler;
  };
  return emitter;
}

/** Emits a navigation-style event and says whether a handler prevented it. */
function prevented(contents: EventEmitter, name: string, details: Record<string, unknown> = {}): boolean {
  const event = { preventDefault: vi.fn(), ...details };
  contents.emit(name, event);
  return event.preventDefault.mock.calls.length > 0;
}

describe('hardenWebContents', () => {
  let contents: ReturnType<typeof fakeContents>;

  beforeEach(() => {
    openExternal.mockClear();
    contents = fakeContents();
    hardenWebContents(contents as unknown as WebContents, APP_URL, silent);
  });

  it('refuses every <webview>', () => {
    expect(prevented(contents, 'will-attach-webview')).toBe(true);
  });

  it.each([
    [APP_URL, true, false],
    [`${APP_URL}#calls`, true, false],
    ['app://softphone/other.html', true, true],
    ['https://evil.example/', true, true],
    ['file:///etc/passwd', true, true],
    ['javascript:alert(1)', true, true],
    [APP_URL, false, true],
  ])('will-frame-navigate and will-redirect to %s (main frame: %s) prevented: %s', (url, isMainFrame, blocked) => {
    expect(prevented(contents, 'will-frame-navigate', { url, isMainFrame })).toBe(blocked);
    expect(prevented(contents, 'will-redirect', { url, isMainFrame })).toBe(blocked);
  });

  it.each(['https://docs.example/help', 'https://vendor.example/status?x=1'])('denies a new window for %s and hands it to the OS browser', (url) => {
    expect(contents.windowOpen?.({ url })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledWith(new URL(url).href);
  });

  it.each(['http://plain.example/', 'file:///etc/passwd', 'javascript:alert(1)', 'app://softphone/index.html', 'https://user:pw@evil.example/', 'smb://share/x'])(
    'denies a new window for %s and opens nothing',
    (url) => {
      expect(contents.windowOpen?.({ url })).toEqual({ action: 'deny' });
      expect(openExternal).not.toHaveBeenCalled();
    },
  );
});

describe('hardenSession', () => {
  type RequestHandler = (contents: unknown, permission: string, callback: (granted: boolean) => void, details: { requestingUrl: string }) => void;
  type CheckHandler = (contents: unknown, permission: string, requestingOrigin: string) => boolean;
  let request: RequestHandler | undefined;
  let check: CheckHandler | undefined;

  beforeEach(() => {
    const session = {
      setPermissionRequestHandler: (handler: RequestHandler) => (request = handler),
      setPermissionCheckHandler: (handler: CheckHandler) => (check = handler),
    };
    hardenSession(session as unknown as Session, APP_URL);
  });

  const asked = (permission: string, requestingUrl: string): boolean => {
    let granted: boolean | undefined;
    request?.(null, permission, (answer) => (granted = answer), { requestingUrl });
    return granted ?? false;
  };

  it.each([
    ['notifications', APP_URL, true],
    ['notifications', 'https://evil.example/', false],
    ['media', APP_URL, false],
    ['geolocation', APP_URL, false],
    ['clipboard-read', APP_URL, false],
    ['openExternal', APP_URL, false],
    ['hid', APP_URL, false],
  ])('answers a %s request from %s with %s, and checks the same way', (permission, url, expected) => {
    expect(asked(permission, url)).toBe(expected);
    expect(check?.(null, permission, new URL(url).origin === 'null' ? url : new URL(url).origin)).toBe(expected);
  });
});
