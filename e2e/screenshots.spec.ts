import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { control } from './emulatorControl';

/**
 * The README's screenshots, taken from the browser shell on the sandbox:
 * `SCREENSHOTS=1 npx playwright test e2e/screenshots.spec.ts` writes docs/screenshots/*.png.
 */

const OUT = join(process.cwd(), 'docs', 'screenshots');

test.use({ viewport: { width: 1280, height: 820 } });

const nav = (page: Page, name: 'Phone' | 'History' | 'Settings') => page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name });

async function dialGenesys(page: Page, genesys: string, number: string, outcome: 'answer' | 'busy'): Promise<void> {
  const field = page.getByRole('textbox', { name: 'Phone number' });
  await field.fill(number);
  await field.press('Enter');
  const call = page.getByRole('article', { name: new RegExp(number.replaceAll('+', '\\+')) });
  await expect(call).toContainText('Dialing');
  const { calls } = (await (await fetch(`${genesys}/__sandbox/calls`)).json()) as { calls: Array<{ id: string; state: string }> };
  for (const dialling of calls.filter((c) => c.state === 'Dialing')) await control(genesys, `calls/${dialling.id}/${outcome}`);
  await expect(call).toContainText(outcome === 'answer' ? 'Connected' : 'Failed');
}

test('README screenshots', async ({ launchApp }) => {
  test.setTimeout(120_000);
  mkdirSync(OUT, { recursive: true });
  const { page, emulators } = await launchApp();
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });
  await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
  await control(emulators.genesys, 'settings', { farEnd: 'manual' });

  await dialGenesys(page, emulators.genesys, '+44 20 7946 0018', 'busy');
  await dialGenesys(page, emulators.genesys, '+44 20 7946 0321', 'answer');
  await dialGenesys(page, emulators.genesys, '5001', 'answer');
  const number = page.getByRole('textbox', { name: 'Phone number' });
  await number.fill('020 7206 8888');
  await page.getByRole('textbox', { name: 'Post-dial digits' }).fill(',123#');
  // The caret blinks: nothing keeps the focus, for a stable picture.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.screenshot({ path: join(OUT, 'phone-light.png') });
  await page.emulateMedia({ colorScheme: 'dark', reducedMotion: 'reduce' });
  await page.screenshot({ path: join(OUT, 'phone-dark.png') });
  await page.emulateMedia({ colorScheme: 'light', reducedMotion: 'reduce' });

  await page.keyboard.press('?');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.screenshot({ path: join(OUT, 'shortcuts.png') });
  await page.keyboard.press('Escape');
  // The alert has been seen on the phone screens; the others are shown without it.
  await page.getByRole('alert').getByRole('button', { name: 'Dismiss' }).press('Enter');

  await nav(page, 'History').press('Enter');
  await expect(page.getByRole('region', { name: 'History' }).getByRole('listitem').first()).toBeVisible();
  await page.screenshot({ path: join(OUT, 'history.png') });

  await nav(page, 'Settings').press('Enter');
  await expect(page.getByRole('heading', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.screenshot({ path: join(OUT, 'settings.png') });
  await page.getByRole('region', { name: 'Keyboard shortcuts' }).screenshot({ path: join(OUT, 'settings-shortcuts.png') });
});
