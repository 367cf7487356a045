import AxeBuilder from '@axe-core/playwright';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { createGenesysEmulator, SANDBOX_USER, type GenesysEmulator } from '../sandbox/genesys';
import { test, expect, type RunningApp } from './fixtures';

/** Only this test's emulator knows this password, so finding it anywhere is a leak. */
const SECRET = 'Qx9!settings e2e/pässword';
const AGENT = { userName: 'agent7', password: SECRET, deviceId: '3f1c3f7e-4c55-4a0e-9b38-51c1a3f0f7a7', phoneNumber: '5007' };

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

const secretForms = (secret: string): string[] => [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(`${AGENT.userName}:${secret}`).toString('base64')];

function expectSecretNowhere(app: RunningApp, shellKind: string): void {
  for (const file of filesUnder(app.dataDir)) {
    const text = readFileSync(file).toString('latin1');
    const utf8 = readFileSync(file, 'utf8');
    for (const form of secretForms(SECRET)) {
      expect(text.includes(form) || utf8.includes(form), `${file} holds the secret`).toBe(false);
    }
  }
  if (shellKind === 'browser') expect(app.received.length).toBeGreaterThan(0);
  for (const frame of app.received) for (const form of secretForms(SECRET)) expect(frame).not.toContain(form);
}

async function openSettings(page: Page): Promise<void> {
  await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).press('Enter');
  await expect(page.getByRole('heading', { name: 'Settings', level: 2 })).toBeFocused();
}

/** WCAG checks of this screen as it stands, in the light and the dark theme. */
async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

test.describe('Settings, keyboard only', () => {
  let emulator: GenesysEmulator;
  let url: string;

  test.beforeEach(async () => {
    emulator = createGenesysEmulator({ users: [{ ...SANDBOX_USER }, AGENT], publishDelayMs: { min: 0, max: 5 }, answerDelayMs: 200 });
    url = await emulator.listen(0);
  });
  test.afterEach(async () => {
    await emulator.close();
  });

  test('add a profile with a write-only password, check it signs in, and find the password nowhere', async ({ launchApp, shellKind }) => {
    const app = await launchApp();
    const { page } = app;
    await openSettings(page);
    const settings = page.getByRole('region', { name: 'Settings' });
    await expect(settings.getByRole('article', { name: 'Genesys (sandbox)' })).toContainText('Built into the sandbox — read-only');
    await expect(settings.getByRole('article', { name: 'Genesys (sandbox)' })).toContainText('Password: built into the sandbox');

    await settings.getByRole('button', { name: 'Add profile' }).press('Enter');
    const form = settings.getByRole('form', { name: 'Add a profile' });
    await expect(form.getByRole('combobox', { name: 'Vendor' })).toHaveValue('genesys');
    await form.getByRole('textbox', { name: 'Profile ID' }).pressSequentially('mine');
    await form.getByRole('textbox', { name: 'Name shown' }).pressSequentially('My GWS');
    await form.getByRole('textbox', { name: 'Server address' }).pressSequentially('gws.example');
    await form.getByLabel('Password', { exact: true }).pressSequentially(SECRET);
    await page.keyboard.press('Enter');

    const problems = form.getByRole('alert');
    await expect(problems).toContainText('baseUrl: ');
    await expect(problems).toContainText('username: is required');
    await expect(form.getByRole('textbox', { name: 'Server address' })).toHaveAttribute('aria-invalid', 'true');
    await expect(form.getByRole('textbox', { name: 'Server address' })).toBeFocused();
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(url);
    await form.getByRole('textbox', { name: 'User name' }).pressSequentially('agent7');
    await page.keyboard.press('Enter');

    const card = settings.getByRole('article', { name: 'My GWS' });
    await expect(card.getByRole('heading', { name: 'My GWS' })).toBeFocused();
    await expect(card).toContainText('Added here');
    await expect(card).toContainText('Password: set (stored encrypted on this computer)');
    await expect(card.getByRole('button', { name: 'Replace password' })).toBeVisible();
    await expect(card.getByRole('button', { name: 'Clear password' })).toBeVisible();
    await card.getByRole('button', { name: 'Sign in and check' }).press('Enter');
    await expect(card.getByRole('status')).toContainText('Signed in');
    expect(emulator.server.log.list('/api/v2/me').some((request) => request.headers.authorization === `Basic ${Buffer.from(`agent7:${SECRET}`).toString('base64')}`)).toBe(true);

    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Phone' }).press('Enter');
    await expect(page.getByRole('combobox', { name: 'Profile' }).getByRole('option', { name: 'My GWS' })).toHaveCount(1);
    expectSecretNowhere(app, shellKind);

    await app.close();
    const again = await launchApp({ dataDir: app.dataDir });
    await openSettings(again.page);
    const reloaded = again.page.getByRole('article', { name: 'My GWS' });
    await expect(reloaded).toContainText('Password: set (stored encrypted on this computer)');
    await reloaded.getByRole('button', { name: 'Sign in and check' }).press('Enter');
    await expect(reloaded.getByRole('status')).toContainText('Signed in');
    expectSecretNowhere(again, shellKind);
  });

  test('export without secrets, import with errors by JSON path, default country for the dialer, theme', async ({ launchApp, shellKind }) => {
    test.skip(shellKind === 'electron', 'Electron asks where to save a download; the browser shell saves it.');
    const app = await launchApp();
    const { page } = app;
    await openSettings(page);
    const settings = page.getByRole('region', { name: 'Settings' });

    const fileInput = settings.getByLabel('Import a configuration file');
    await fileInput.setInputFiles({ name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ profiles: [{ id: 'imp', vendor: 'genesys', baseUrl: 'ftp://nope', username: 'agent7' }] })) });
    await expect(settings.getByRole('alert')).toContainText('profiles[0].baseUrl: ');
    await expect(settings.getByRole('article', { name: 'Imported GWS' })).toHaveCount(0);

    const good = { defaultCountry: 'FR', profiles: [{ id: 'imp', vendor: 'genesys', label: 'Imported GWS', baseUrl: url, username: 'agent7' }] };
    await fileInput.setInputFiles({ name: 'good.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(good)) });
    await expect(settings.getByText('Imported: added imp; default country FR.')).toBeVisible();
    const card = settings.getByRole('article', { name: 'Imported GWS' });
    await expect(card).toContainText('Password: not set');
    await card.getByRole('button', { name: 'Set password' }).press('Enter');
    await expect(card.getByLabel('New password')).toBeFocused();
    await page.keyboard.type(SECRET);
    await page.keyboard.press('Enter');
    await expect(card).toContainText('Password: set (stored encrypted on this computer)');
    await card.getByRole('button', { name: 'Sign in and check' }).press('Enter');
    await expect(card.getByRole('status')).toContainText('Signed in');

    const saved = page.waitForEvent('download');
    await settings.getByRole('button', { name: 'Export configuration' }).press('Enter');
    const download = await saved;
    expect(download.suggestedFilename()).toBe('softphone-config.json');
    const exported = JSON.parse(readFileSync(await download.path(), 'utf8')) as { defaultCountry: string; profiles: Array<Record<string, unknown>> };
    expect(exported.defaultCountry).toBe('FR');
    expect(exported.profiles).toEqual([{ id: 'imp', label: 'Imported GWS', baseUrl: url, vendor: 'genesys', username: 'agent7', initialState: 'Ready' }]);
    for (const form of secretForms(SECRET)) expect(JSON.stringify(exported)).not.toContain(form);

    await expect(settings.getByRole('combobox', { name: 'Default country' })).toHaveValue('FR');
    await settings.getByRole('combobox', { name: 'Default country' }).selectOption('DE');
    await expect(settings.getByText('Default country saved.')).toBeVisible();
    await settings.getByRole('radio', { name: 'Dark' }).press('Space');
    await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
    await expect(page.locator('body')).toHaveCSS('background-color', 'rgb(20, 23, 28)');
    await settings.getByRole('radio', { name: /System/ }).press('Space');
    await expect(page.locator('html')).not.toHaveAttribute('data-theme');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Phone' }).press('Enter');
    await expect(page.getByRole('combobox', { name: 'Country', exact: true })).toHaveValue('DE');
    expectSecretNowhere(app, shellKind);
  });
});
