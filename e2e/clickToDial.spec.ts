import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openLink } from './contractClient';
import { control, emulatorRequests } from './emulatorControl';

async function chooseProfile(page: Page, label: string): Promise<void> {
  const profile = page.getByRole('combobox', { name: 'Profile' });
  await profile.press(label.charAt(0));
  await expect(profile.locator('option:checked')).toHaveText(label);
  await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
}

const oracleStarts = async (base: string) => (await emulatorRequests(base, '^/call/2\\.0/367901/')).filter((r) => r.method === 'POST');

/**
 * tel: links end to end in the browser shell. The operating system's part (Electron's
 * open-url / second-instance) is played by a second client of the shell's contract socket:
 * it presents the shell's token from the page URL and the shell's own Origin, exactly as
 * any contract client must, and calls `link.open` — the channel Electron's main process
 * calls for a link (`e2e/contractClient.ts`). Nothing test-only is exposed to the page.
 */
test.describe('Click-to-dial (tel: links, keyboard only)', () => {
  // The browser shell's socket is the way in here; Electron gets links from the OS (open-url, second-instance).
  test.skip(({ shellKind }) => shellKind === 'electron', 'links reach Electron through open-url / second-instance, not the shell socket');

  test('a tel: link fills the dialer and asks first; Enter on the focused Call dials +12133734253, not +1', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    expect(await openLink(page, 'tel:+1-213-373-4253;ext=12')).toEqual({ ok: true, value: { outcome: 'prefilled' } });

    const prompt = page.getByRole('alertdialog', { name: 'Call +1 213 373 4253?' });
    await expect(prompt).toBeVisible();
    await expect(prompt).toContainText('then: wait 2 s, press 1 2');
    await expect(page.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+1 213 373 4253');
    await expect(page.getByRole('textbox', { name: 'Post-dial digits' })).toHaveValue(',12');
    expect(await oracleStarts(emulators.oracle)).toHaveLength(0);

    await expect(prompt.getByRole('button', { name: 'Call' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /\+12133734253/ })).toBeVisible();
    await expect(prompt).toHaveCount(0);
    const starts = await oracleStarts(emulators.oracle);
    expect(starts.map((r) => r.path)).toEqual(['/call/2.0/367901/12133734253']);
    expect(JSON.parse(starts[0]?.body ?? '{}')).toMatchObject({ userExtension: ',12' });
  });

  test('Escape cancels: nothing is dialled and the number stays in the dialer', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    await openLink(page, 'tel:+44-20-7206-8888');
    const prompt = page.getByRole('alertdialog', { name: 'Call +44 20 7206 8888?' });
    await expect(prompt.getByRole('button', { name: 'Call' })).toBeFocused();
    await page.keyboard.press('Escape');
    await expect(prompt).toHaveCount(0);
    await expect(page.getByRole('textbox', { name: 'Phone number' })).toBeFocused();
    await expect(page.getByRole('textbox', { name: 'Phone number' })).toHaveValue('+44 20 7206 8888');
    expect(await oracleStarts(emulators.oracle)).toHaveLength(0);
  });

  test('a malformed link is refused with its reason and never dialled', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    expect(await openLink(page, 'tel:+1-800-FLOWERS')).toEqual({ ok: true, value: { outcome: 'rejected', reason: 'The number "+1-800-FLOWERS" contains "F", which is not a digit.' } });
    await expect(page.getByRole('alert').filter({ hasText: 'This link was not dialled: The number "+1-800-FLOWERS" contains "F"' })).toBeVisible();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    expect(await oracleStarts(emulators.oracle)).toHaveLength(0);
  });

  test('with "Dial tel: links at once" on, a link is dialled without asking, and opening it three times at once places one call', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseProfile(page, 'Oracle Click-to-Call (sandbox)');
    const atOnce = page.getByRole('checkbox', { name: 'Dial tel: links at once' });
    await atOnce.press('Space');
    await expect(atOnce).toBeChecked();
    await expect(page.getByText('Links are dialled on Oracle Click-to-Call (sandbox) without asking.')).toBeVisible();

    // Oracle answers the start slowly, so all three opens arrive while the first dial is in flight.
    await control(emulators.oracle, 'faults', { path: '^/call/2\\.0/367901/', method: 'POST', action: 'delay', delayMs: 1_500 });
    const outcomes = await Promise.all([1, 2, 3].map(() => openLink(page, 'tel:+44-20-7206-8888')));
    const callIds = new Set(outcomes.map((outcome) => (outcome as { value: { callId: string } }).value.callId));
    expect(callIds.size).toBe(1);
    await expect(page.getByRole('article', { name: /\+442072068888/ })).toBeVisible();
    await expect(page.getByRole('alertdialog')).toHaveCount(0);
    expect((await oracleStarts(emulators.oracle)).map((r) => r.path)).toEqual(['/call/2.0/367901/442072068888']);
  });
});
