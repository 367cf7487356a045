import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { control } from './emulatorControl';

/**
 * Desktop notifications, with the page's Notification API and window focus replaced before
 * the app loads (addInitScript): the test decides whether the window is in the background
 * and reads every notification the app created.
 */

interface Shown {
  title: string;
  body?: string;
  silent?: boolean;
  tag?: string;
}

declare global {
  interface Window {
    __notices: Shown[];
    __pageFocused: boolean;
  }
}

async function stubNotifications(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.__notices = [];
    window.__pageFocused = true;
    class RecordingNotification {
      static permission: NotificationPermission = 'granted';
      static requestPermission(): Promise<NotificationPermission> {
        return Promise.resolve('granted');
      }
      onclick: (() => void) | null = null;
      constructor(title: string, options: NotificationOptions = {}) {
        window.__notices.push({ title, body: options.body, silent: options.silent ?? undefined, tag: options.tag });
      }
      close(): void {}
    }
    Object.defineProperty(window, 'Notification', { value: RecordingNotification, configurable: true, writable: true });
    Document.prototype.hasFocus = () => window.__pageFocused;
  });
  await page.reload();
  await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
}

const notices = (page: Page): Promise<Shown[]> => page.evaluate(() => window.__notices);
const setFocused = (page: Page, focused: boolean): Promise<void> => page.evaluate((value) => void (window.__pageFocused = value), focused);

async function dial(page: Page, numbers: readonly string[]): Promise<void> {
  const number = page.getByRole('textbox', { name: 'Phone number' });
  for (const dialled of numbers) {
    await number.fill(dialled);
    await number.press('Enter');
    await expect(page.getByRole('article', { name: new RegExp(dialled) })).toContainText('Dialing');
  }
}

async function farEnd(genesys: string, action: 'answer' | 'busy'): Promise<void> {
  const { calls } = (await (await fetch(`${genesys}/__sandbox/calls`)).json()) as { calls: Array<{ id: string; state: string }> };
  await Promise.all(calls.filter((call) => call.state === 'Dialing').map((call) => control(genesys, `calls/${call.id}/${action}`)));
}

test.describe('Desktop notifications', () => {
  test('a burst of connects in the background is one notification now and one summary, silent; none while the window has the focus', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await control(emulators.genesys, 'settings', { farEnd: 'manual' });
    await stubNotifications(page);

    // In front: the agent sees the call connect; no notification.
    await dial(page, ['5009']);
    await farEnd(emulators.genesys, 'answer');
    await expect(page.getByRole('article', { name: /5009/ })).toContainText('Connected');
    expect(await notices(page)).toEqual([]);

    await dial(page, ['5001', '5002', '5003', '5004', '5005']);
    await setFocused(page, false);
    await farEnd(emulators.genesys, 'answer');
    for (const dialled of ['5001', '5002', '5003', '5004', '5005']) await expect(page.getByRole('article', { name: new RegExp(dialled) })).toContainText('Connected');

    // Five connects: the first at once, the other four summed up when the window ends.
    await expect.poll(async () => (await notices(page)).length, { timeout: 20_000 }).toBe(2);
    const [first, summary] = await notices(page);
    expect(first).toEqual({ title: 'Call connected', body: expect.stringMatching(/^Call to 500[1-5]$/), silent: true, tag: 'softphone-calls' });
    expect(summary).toMatchObject({ title: '4 calls connected', body: expect.stringMatching(/and 1 more$/), silent: true, tag: 'softphone-calls' });
  });

  test('a failed call in the background is notified with the vendor’s words', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await control(emulators.genesys, 'settings', { farEnd: 'manual' });
    await stubNotifications(page);
    await dial(page, ['5007']);
    await setFocused(page, false);
    await farEnd(emulators.genesys, 'busy');
    await expect(page.getByRole('article', { name: /5007/ })).toContainText('Failed');
    await expect.poll(() => notices(page)).toEqual([{ title: 'Call failed', body: expect.stringMatching(/^Call to 5007: .+/), silent: true, tag: 'softphone-calls' }]);
  });

  test('turned off in Settings (with the keyboard), nothing is notified', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await control(emulators.genesys, 'settings', { farEnd: 'manual' });
    await stubNotifications(page);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).press('Enter');
    const toggle = page.getByRole('checkbox', { name: /Notify me when a call connects or fails/ });
    await expect(toggle).toBeChecked();
    await toggle.press('Space');
    await expect(page.getByRole('status').filter({ hasText: 'Notifications are off.' })).toBeVisible();
    await expect(toggle).not.toBeChecked();

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Phone' }).press('Enter');
    await dial(page, ['5008']);
    await setFocused(page, false);
    await farEnd(emulators.genesys, 'answer');
    await expect(page.getByRole('article', { name: /5008/ })).toContainText('Connected');
    expect(await notices(page)).toEqual([]);
  });
});
