import { describe, expect, it } from 'vitest';
import { APP_URL } from './appOrigin';
import { isTrustedSender, type SenderFrame } from './ipcSenderPolicy';

const APP_CONTENTS = 7;
const appFrame: SenderFrame = { url: `${APP_URL}#/dialer`, isTopFrame: true, webContentsId: APP_CONTENTS };

describe('isTrustedSender', () => {
  it("trusts the app window's top frame on the app page", () => {
    expect(isTrustedSender(appFrame, APP_URL, APP_CONTENTS)).toBe(true);
  });

  it.each<[string, SenderFrame | null, number | undefined]>([
    ['a destroyed or navigated frame', null, APP_CONTENTS],
    ['a sub-frame of the app page', { ...appFrame, isTopFrame: false }, APP_CONTENTS],
    ['another WebContents showing the app page', { ...appFrame, webContentsId: 8 }, APP_CONTENTS],
    ['any sender while no app window exists', appFrame, undefined],
    ['the app window showing another origin', { ...appFrame, url: 'https://evil.example/' }, APP_CONTENTS],
    ['the app window showing a local file', { ...appFrame, url: 'file:///tmp/evil.html' }, APP_CONTENTS],
    ['the app window showing another app page', { ...appFrame, url: 'app://softphone/other.html' }, APP_CONTENTS],
    ['the app window showing about:blank', { ...appFrame, url: 'about:blank' }, APP_CONTENTS],
  ])('refuses %s', (_name, frame, contentsId) => {
    expect(isTrustedSender(frame, APP_URL, contentsId)).toBe(false);
  });
});
