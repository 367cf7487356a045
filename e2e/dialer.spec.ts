import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { control, emulatorRequests } from './emulatorControl';

/**
 * The dialer, driven with the keyboard only: keys pressed in fields (Playwright focuses the
 * field, then types), never a mouse click or selectOption.
 */

/** Native select type-ahead: the first letter of the profile's label picks it. */
async function chooseProfile(page: Page, label: string): Promise<void> {
  const profile = page.getByRole('combobox', { name: 'Profile' });
  await profile.press(label.charAt(0));
  await expect(profile.locator('option:checked')).toHaveText(label);
  await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
}

const oracleStarts = async (base: string) => (await emulatorRequests(base, '^/call/2\\.0/367901/')).filter((r) => r.method === 'POST');

test.describe('Dialer (keyboard only)', () => {
  test('dials a national number with the default country (GB): Oracle is sent +44 as E.164 digits', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    const number = page.getByRole('textbox', { name: 'Phone number' });
    await number.pressSequentially('02072068888');
    // Formatted as typed; the E.164 result and the country are shown.
    await expect(number).toHaveValue('020 7206 8888');
    await expect(page.getByText('+44 20 7206 8888 · United Kingdom · valid number.')).toBeVisible();
    await number.press('Enter');

    await expect(page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /020 7206 8888/ })).toBeVisible();
    expect((await oracleStarts(emulators.oracle)).map((r) => r.path)).toEqual(['/call/2.0/367901/442072068888']);
  });

  test('reads a national number in the country the agent picks for the session', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    const country = page.getByRole('combobox', { name: 'Country' });
    await country.pressSequentially('United States');
    await expect(country.locator('option:checked')).toHaveText('United States (+1)');
    const number = page.getByRole('textbox', { name: 'Phone number' });
    await number.pressSequentially('2133734253');
    await expect(number).toHaveValue('(213) 373-4253');
    await number.press('Enter');
    await expect(page.getByRole('article', { name: /213/ })).toBeVisible();
    expect((await oracleStarts(emulators.oracle)).map((r) => r.path)).toEqual(['/call/2.0/367901/12133734253']);
  });

  test('asks before dialling a number outside every known range, and dials it when the agent insists', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    const number = page.getByRole('textbox', { name: 'Phone number' });
    await number.pressSequentially('+44 20 1234 567');
    await number.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'press Call again to dial it as it is' })).toBeVisible();
    expect(await oracleStarts(emulators.oracle)).toHaveLength(0);
    await number.press('Enter');
    await expect(page.getByRole('article', { name: /\+44 20/ })).toBeVisible();
    expect((await oracleStarts(emulators.oracle)).map((r) => r.path)).toEqual(['/call/2.0/367901/44201234567']);
  });

  test('post-dial digits go natively with the Oracle request (userExtension)', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('+44 20 7206 8888');
    const postDial = page.getByRole('textbox', { name: 'Post-dial digits' });
    await postDial.pressSequentially(',123#');
    await expect(page.getByText('After the answer: wait 2 s, press 1 2 3 #.')).toBeVisible();
    await expect(page.getByText('Sent with the call request:')).toBeVisible();
    await postDial.press('Enter');

    await expect(page.getByRole('article', { name: /\+44 20 7206 8888/ })).toBeVisible();
    const [start] = await oracleStarts(emulators.oracle);
    expect(JSON.parse(start?.body ?? '{}')).toMatchObject({ userExtension: ',123#' });
  });

  test('post-dial digits go natively with the IOVOX request (call_destination suffix), and IOVOX’s own rule is explained first', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'IOVOX (sandbox)');
    await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('+44 20 7206 8888');
    const postDial = page.getByRole('textbox', { name: 'Post-dial digits' });
    await postDial.pressSequentially('1');
    await expect(page.getByText('IOVOX post-dial digits must start with ","', { exact: false })).toBeVisible();
    await postDial.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'must start with ","' })).toBeVisible();
    expect((await emulatorRequests(emulators.iovox, 'initiateCall|/Calling')).filter((r) => r.method === 'POST')).toHaveLength(0);

    await postDial.press('Home');
    await postDial.press(',');
    await postDial.press(',');
    await expect(postDial).toHaveValue(',,1');
    await postDial.press('Enter');
    await expect(page.getByRole('article', { name: /\+44 20 7206 8888/ })).toBeVisible();
    const posts = (await emulatorRequests(emulators.iovox, '/Calling')).filter((r) => r.method === 'POST');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toContain('<call_destination>442072068888,,1</call_destination>');
  });

  test('post-dial digits are played as DTMF by Genesys once the call is established, pauses timed by the softphone', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await control(emulators.genesys, 'settings', { farEnd: 'manual' });
    await chooseProfile(page, 'Genesys (sandbox)');
    await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('5001');
    const postDial = page.getByRole('textbox', { name: 'Post-dial digits' });
    await postDial.pressSequentially('1,2#');
    await expect(page.getByText('Sent as tones once the call is answered:')).toBeVisible();
    await postDial.press('Enter');

    const call = page.getByRole('article', { name: /5001/ });
    await expect(call).toContainText('Dialing');
    const dtmf = async () =>
      (await emulatorRequests(emulators.genesys, '^/api/v2/me/calls/')).filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as { operationName: string; digits?: string }).filter((b) => b.operationName === 'SendDtmf');
    // Nothing is keyed while the far end has not answered.
    expect(await dtmf()).toEqual([]);
    const calls = (await (await fetch(`${emulators.genesys}/__sandbox/calls`)).json()) as { calls: Array<{ id: string; state: string }> };
    const dialing = calls.calls.find((c) => c.state === 'Dialing');
    await control(emulators.genesys, `calls/${dialing?.id ?? 'none'}/answer`);
    await expect(call).toContainText('Established');
    await expect.poll(dtmf, { timeout: 15_000 }).toEqual([
      { operationName: 'SendDtmf', digits: '1' },
      { operationName: 'SendDtmf', digits: '2#' },
    ]);
    await expect(call).toContainText('DtmfSent');
  });

  test('schedules a call on Oracle in its unit (seconds), shows when it starts, and cancels it', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('+44 20 7206 8888');
    const startIn = page.getByRole('textbox', { name: 'Start in' });
    await startIn.pressSequentially('600');
    await expect(page.getByText(/In seconds, up to 900; leave empty to call now\. Starts at/)).toBeVisible();
    await startIn.press('Enter');

    const call = page.getByRole('article', { name: /\+44 20 7206 8888/ });
    await expect(call.getByText('Scheduled', { exact: true })).toBeVisible();
    await expect(call).toContainText('Scheduled for');
    const [start] = await oracleStarts(emulators.oracle);
    expect(JSON.parse(start?.body ?? '{}')).toMatchObject({ delay: 600 });

    await call.getByRole('button', { name: 'Cancel call' }).press('Enter');
    await expect(call.getByText('Ended', { exact: true })).toBeVisible();
    expect((await emulatorRequests(emulators.oracle, '^/call/2\\.0/[^/]+$')).filter((r) => r.method === 'DELETE')).toHaveLength(1);
  });

  test('refuses "Start in" beyond the vendor’s limit, and sends nothing', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('+44 20 7206 8888');
    const startIn = page.getByRole('textbox', { name: 'Start in' });
    await startIn.pressSequentially('901');
    await startIn.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: '"Start in" can be at most 900 seconds on this profile.' })).toBeVisible();
    await expect(startIn).toBeFocused();
    expect(await oracleStarts(emulators.oracle)).toHaveLength(0);
  });

  test('the keypad types into the number where the caret is', async ({ launchApp }) => {
    const { page } = await launchApp();
    const number = page.getByRole('textbox', { name: 'Phone number' });
    await number.pressSequentially('5001');
    await page.getByRole('button', { name: 'Show keypad' }).press('Enter');
    const keypad = page.getByRole('group', { name: 'Keypad' });
    await keypad.getByRole('button', { name: 'Hash', exact: true }).press('Enter');
    await keypad.getByRole('button', { name: '9', exact: true }).press('Enter');
    await expect(number).toHaveValue('5001#9');
    await keypad.getByRole('button', { name: 'Delete the digit before the cursor' }).press('Enter');
    await expect(number).toHaveValue('5001#');
  });
});
