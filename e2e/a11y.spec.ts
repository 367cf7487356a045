import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { openLink } from './contractClient';
import { control } from './emulatorControl';

/**
 * WCAG 2.2 AA with axe-core: no serious or critical violation on any screen, in the light
 * and dark palettes, whether they come from the system (prefers-color-scheme) or from the
 * theme chosen in Settings (which must win over the system's).
 */

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function expectAccessible(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  const serious = results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}): ${violation.help}\n${violation.nodes.map((node) => `  ${node.target.join(' ')} — ${node.failureSummary ?? ''}`).join('\n')}`);
  expect(serious, `${screen}: ${serious.join('\n')}`).toEqual([]);
  // Guards against a run that checked nothing (an empty page passes every rule).
  expect(results.passes.length, `${screen}: axe checked nothing`).toBeGreaterThan(10);
}

const nav = (page: Page, name: 'Phone' | 'History' | 'Settings') => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });

async function chooseTheme(page: Page, theme: 'System (follows this computer)' | 'Light' | 'Dark'): Promise<void> {
  await nav(page, 'Settings').press('Enter');
  const radio = page.getByRole('radiogroup', { name: 'Theme' }).getByRole('radio', { name: theme });
  if (!(await radio.isChecked())) {
    await radio.press('Space');
    await expect(radio).toBeChecked();
  }
}

/** Phone with a live call, a failed one and its alert; history with entries; a tel: link waiting for confirmation. */
async function prepare(page: Page, genesys: string): Promise<void> {
  await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
  await control(genesys, 'settings', { farEnd: 'manual' });
  const number = page.getByRole('textbox', { name: 'Phone number' });
  for (const [dialled, outcome] of [
    ['5001', 'busy'],
    ['5002', 'answer'],
  ] as const) {
    await number.fill(dialled);
    await number.press('Enter');
    await expect(page.getByRole('article', { name: new RegExp(dialled) })).toContainText('Dialing');
    const { calls } = (await (await fetch(`${genesys}/__sandbox/calls`)).json()) as { calls: Array<{ id: string; state: string }> };
    for (const call of calls.filter((c) => c.state === 'Dialing')) await control(genesys, `calls/${call.id}/${outcome}`);
  }
  await expect(page.getByRole('article', { name: /5001/ })).toContainText('Failed');
  await expect(page.getByRole('article', { name: /5002/ })).toContainText('Connected');
  await expect(page.getByRole('alert').filter({ hasText: 'Call to 5001 failed' })).toBeVisible();
}

async function checkEveryScreen(page: Page, palette: string): Promise<void> {
  await nav(page, 'Phone').press('Enter');
  await expect(page.getByRole('region', { name: 'Active calls' }).getByRole('article')).toHaveCount(2);
  await expectAccessible(page, `${palette}: Phone with calls and an alert`);

  await nav(page, 'History').press('Enter');
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem').filter({ hasText: '5001' })).toBeVisible();
  await expectAccessible(page, `${palette}: History`);

  await nav(page, 'Settings').press('Enter');
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await expectAccessible(page, `${palette}: Settings`);

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expectAccessible(page, `${palette}: the shortcut list`);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  expect(await openLink(page, 'tel:+1-213-373-4253')).toEqual({ ok: true, value: { outcome: 'prefilled' } });
  const prompt = page.getByRole('alertdialog', { name: 'Call +1 213 373 4253?' });
  await expect(prompt).toBeVisible();
  await expectAccessible(page, `${palette}: the tel: link confirmation`);
  await prompt.getByRole('button', { name: 'Cancel' }).press('Enter');
  await expect(prompt).toHaveCount(0);
}

test.describe('Accessibility (axe-core, WCAG 2.2 AA)', () => {
  for (const scheme of ['light', 'dark'] as const) {
    test(`every screen, ${scheme} from the system and then chosen in Settings against the other system palette`, async ({ launchApp }) => {
      test.setTimeout(120_000);
      const { page, emulators } = await launchApp();
      await page.emulateMedia({ colorScheme: scheme });
      await prepare(page, emulators.genesys);
      await checkEveryScreen(page, `system ${scheme}`);

      // The explicit theme wins over a system that says the opposite.
      await page.emulateMedia({ colorScheme: scheme === 'light' ? 'dark' : 'light' });
      await chooseTheme(page, scheme === 'light' ? 'Light' : 'Dark');
      await expect(page.locator('html')).toHaveAttribute('data-theme', scheme);
      await checkEveryScreen(page, `Settings ${scheme}`);
    });
  }
});
