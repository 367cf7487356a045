import type { Page } from '@playwright/test';
import type { Vendor } from '../shared/callModel';
import { openLink } from './contractClient';
import { control, emulatorRequests } from './emulatorControl';
import { test, expect } from './fixtures';

/**
 * Exactly one vendor request per user intent, through the whole app (browser shell, sandbox
 * emulators), counted in the emulators' own request logs: hammering Call, a held or
 * repeated Enter, the same tel: link opened again and again while its dial is in flight, and
 * a dial racing a reconnect of the event stream.
 */

const CREATE: Readonly<Partial<Record<Vendor, { path: string; method: string }>>> = {
  genesys: { path: '/api/v2/me/devices/[^/]+/calls$', method: 'POST' },
  huawei: { path: '/voicecall/40038/callout$', method: 'PUT' },
  vonage: { path: '/v0/a1b2c3d4e5/calls/?$', method: 'POST' },
  iovox: { path: '^/Calling$', method: 'POST' },
};

async function creates(emulators: Record<Vendor, string>, vendor: Vendor): Promise<number> {
  const create = CREATE[vendor];
  if (!create) throw new Error(`no call-creating request listed for ${vendor}`);
  return (await emulatorRequests(emulators[vendor], create.path)).filter((request) => request.method === create.method).length;
}

async function chooseProfile(page: Page, label: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label });
  await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
}

const activeCalls = (page: Page) => page.getByRole('region', { name: 'Active calls' }).getByRole('article');

test.describe('Exactly one call per intent', () => {
  test('hammering Call (rapid clicks and a double click) places one Genesys call', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Genesys (sandbox)');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('5001');
    const call = page.getByRole('button', { name: 'Call' });
    await call.dblclick();
    for (let click = 0; click < 15; click += 1) await call.click();

    await expect(activeCalls(page).filter({ hasText: '5001' })).toHaveCount(1);
    await expect(activeCalls(page).first()).toContainText('Connected');
    expect(await creates(emulators, 'genesys')).toBe(1);
  });

  test('a held Enter key (key repeat) and Enter pressed again and again place one IOVOX call', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'IOVOX (sandbox)');
    const number = page.getByRole('textbox', { name: 'Phone number' });
    await number.fill('+44 7970 303957');
    await number.focus();
    for (let repeat = 0; repeat < 25; repeat += 1) await page.keyboard.down('Enter');
    await page.keyboard.up('Enter');
    for (let press = 0; press < 10; press += 1) await number.press('Enter');

    await expect(activeCalls(page)).toHaveCount(1);
    await expect(activeCalls(page).first()).toContainText('Accepted');
    expect(await creates(emulators, 'iovox')).toBe(1);
  });

  test('the same tel: link opened ten times while its dial is in flight, and five more right after, places one Vonage call', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Vonage (sandbox)');
    const atOnce = page.getByRole('checkbox', { name: 'Dial tel: links at once' });
    // Controlled by the core's answer, so pressed rather than `check()`ed.
    await atOnce.press('Space');
    await expect(atOnce).toBeChecked();
    await expect(page.getByText('Links are dialled on Vonage (sandbox) without asking.')).toBeVisible();
    // VCC answers slowly, so the first ten opens all arrive while the first dial is in flight.
    await control(emulators.vonage, 'faults', { path: '/v0/a1b2c3d4e5/calls/?$', method: 'POST', action: 'delay', delayMs: 1_000 });

    const during = await Promise.all(Array.from({ length: 10 }, () => openLink(page, 'tel:+44-20-7206-8888')));
    const after = [];
    for (let open = 0; open < 5; open += 1) after.push(await openLink(page, 'tel:+44-20-7206-8888'));
    const callIds = new Set([...during, ...after].map((outcome) => (outcome as { value: { outcome: string; callId: string } }).value.callId));
    expect(callIds.size).toBe(1);
    await expect(activeCalls(page)).toHaveCount(1);
    expect(await creates(emulators, 'vonage')).toBe(1);
  });

  test('a Genesys dial racing a reconnect: the stream drops as Call is pressed — one Dial, the session shows Reconnecting and comes back, the call is followed', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Genesys (sandbox)');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('5002');
    // The re-handshake takes a moment, long enough to be seen.
    await control(emulators.genesys, 'faults', { path: '/notifications/handshake$', action: 'delay', delayMs: 1_500 });

    await Promise.all([page.getByRole('button', { name: 'Call' }).click(), control(emulators.genesys, 'drop-event-stream')]);

    const session = page.getByRole('status', { name: 'Session' });
    await expect(session).toContainText('Reconnecting…');
    await expect(session).toContainText('Signed in');
    const call = activeCalls(page).filter({ hasText: '5002' });
    await expect(call).toContainText('Connected');
    await expect(activeCalls(page)).toHaveCount(1);
    expect(await creates(emulators, 'genesys')).toBe(1);
  });

  test('a Huawei dial racing a reconnect: every connection to the gateway is cut as Call is pressed — one callout, the call is followed', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Huawei (sandbox)');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('70092');

    await Promise.all([page.getByRole('button', { name: 'Call' }).click(), control(emulators.huawei, 'drop-connections')]);

    await expect(activeCalls(page).filter({ hasText: '70092' })).toContainText(/Connected|Outcome unknown/);
    await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
    await expect(activeCalls(page)).toHaveCount(1);
    expect(await creates(emulators, 'huawei')).toBe(1);
  });
});
