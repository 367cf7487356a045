import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';

/**
 * Keyboard shortcuts, keyboard only: keys pressed on the page or in a field Playwright
 * focuses first; never a mouse event.
 */

const signedIn = (page: Page) => expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
const announcer = (page: Page) => page.getByTestId('announcer');

test.describe('Keyboard shortcuts (keyboard only)', () => {
  test('the ? list: not while typing in a text box; lists the shortcuts, keeps the focus inside, Escape closes it and the focus returns', async ({ launchApp }) => {
    const { page } = await launchApp();
    const number = page.getByRole('textbox', { name: 'Phone number' });
    await expect(number).toBeFocused();
    await page.keyboard.press('?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(dialog).toHaveCount(0);

    const history = page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' });
    await history.focus();
    await page.keyboard.press('?');
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('row', { name: /Go to the phone number/ })).toContainText('Alt+N');
    await expect(dialog.getByRole('row', { name: /Call the number in the dialer/ })).toContainText('Ctrl+Enter');
    await expect(dialog.getByRole('row', { name: /Show the keyboard shortcuts/ })).toContainText('? (outside text boxes)');
    await expect(dialog.getByRole('row', { name: /Dial the selected text/ })).toContainText('Ctrl+Alt+Shift+D');
    // The browser shell has no global shortcuts, and says so.
    await expect(dialog).toContainText('Global shortcuts work in the desktop app only');

    const close = dialog.getByRole('button', { name: 'Close' });
    const change = dialog.getByRole('button', { name: 'Change shortcuts' });
    await expect(close).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(change).toBeFocused();
    await page.keyboard.press('Tab');
    await expect(close).toBeFocused();
    await page.keyboard.press('Shift+Tab');
    await expect(change).toBeFocused();
    // Other shortcuts do nothing behind the modal list.
    await page.keyboard.press('Alt+Y');
    await expect(page.getByRole('region', { name: 'History' })).toHaveCount(0);

    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
    await expect(history).toBeFocused();

    // The header's button opens it too; "Change shortcuts" lands on the first shortcut in Settings.
    await page.getByRole('button', { name: 'Keyboard shortcuts' }).press('Enter');
    await dialog.getByRole('button', { name: 'Change shortcuts' }).press('Enter');
    await expect(page.getByRole('textbox', { name: 'Go to the phone number' })).toBeFocused();
  });

  test('change a shortcut in Settings with the keyboard, have a conflict refused, and use the new key (also after a reload)', async ({ launchApp }) => {
    const { page, dataDir } = await launchApp();
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'Settings' }).press('Enter');
    const recorder = page.getByRole('textbox', { name: 'Go to the phone number' });
    await expect(recorder).toHaveValue('Alt+N');

    // A key another action has: shown at once, and Save refuses.
    await recorder.press('Alt+Y');
    await expect(recorder).toHaveValue('Alt+Y');
    await expect(recorder).toHaveAttribute('aria-invalid', 'true');
    await expect(recorder).toHaveAccessibleDescription(/Alt\+Y is also the shortcut for “Open the history”\./);
    await page.getByRole('button', { name: 'Save shortcuts' }).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Not saved: Go to the phone number: Alt+Y is also the shortcut' })).toBeVisible();
    await expect(recorder).toBeFocused();
    // A key the browser keeps for itself.
    await recorder.press('Control+w');
    await expect(recorder).toHaveAccessibleDescription(/Ctrl\+W closes the window\./);

    // Escape puts the saved key back; then the new key, saved.
    await recorder.press('Escape');
    await expect(recorder).toHaveValue('Alt+N');
    await recorder.press('Alt+K');
    await expect(recorder).toHaveValue('Alt+K');
    await expect(recorder).toHaveAttribute('aria-invalid', 'false');
    await page.getByRole('button', { name: 'Save shortcuts' }).press('Enter');
    await expect(page.getByRole('status').filter({ hasText: 'Shortcuts saved.' })).toBeVisible();
    expect(JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'))).toMatchObject({ shortcuts: { focusNumber: 'Alt+K' } });

    const number = page.getByRole('textbox', { name: 'Phone number' });
    await page.keyboard.press('Alt+Y');
    const historyHeading = page.getByRole('region', { name: 'History' }).getByRole('heading', { name: 'History' });
    await expect(historyHeading).toBeFocused();
    await page.keyboard.press('Alt+N');
    await expect(historyHeading).toBeFocused();
    await page.keyboard.press('Alt+K');
    await expect(number).toBeVisible();
    await expect(number).toBeFocused();

    await page.reload();
    await signedIn(page);
    await page.keyboard.press('Alt+Y');
    await expect(historyHeading).toBeFocused();
    await page.keyboard.press('Alt+K');
    await expect(number).toBeFocused();
  });

  test('dial, hold, resume and hang up from the keyboard: the focus follows the call, then returns to the number', async ({ launchApp }) => {
    const { page } = await launchApp();
    await signedIn(page);
    const number = page.getByRole('textbox', { name: 'Phone number' });
    await number.pressSequentially('5001');
    await page.keyboard.press('Control+Enter');

    const call = page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /5001/ });
    await expect(call).toBeFocused();
    await expect(call).toContainText('Connected');

    await page.keyboard.press('Alt+O');
    await expect(call.getByText('On hold', { exact: true })).toBeVisible();
    await page.keyboard.press('Alt+O');
    await expect(call.getByText('Connected', { exact: true })).toBeVisible();

    await page.keyboard.press('Alt+X');
    await expect(call.getByText('Ended', { exact: true })).toBeVisible();
    await expect(number).toBeFocused();
    await page.keyboard.press('Alt+X');
    await expect(announcer(page)).toHaveText('There is no call to hang up.');
  });

  test('the Hang up button by keyboard returns the focus to the number; Hold moves it to Resume', async ({ launchApp }) => {
    const { page } = await launchApp();
    await signedIn(page);
    const number = page.getByRole('textbox', { name: 'Phone number' });
    await number.pressSequentially('5001');
    await number.press('Enter');
    const call = page.getByRole('article', { name: /5001/ });
    await expect(call).toBeFocused();
    await expect(call).toContainText('Connected');
    await call.getByRole('button', { name: 'Hold' }).press('Enter');
    await expect(call.getByRole('button', { name: 'Resume' })).toBeFocused();
    await call.getByRole('button', { name: 'Hang up' }).press('Enter');
    await expect(call).toContainText('Ended');
    await expect(number).toBeFocused();
  });

  test('switch profile, open the directory and the history with shortcuts', async ({ launchApp }) => {
    const { page } = await launchApp();
    const profile = page.getByRole('combobox', { name: 'Profile' });
    await expect(profile.locator('option:checked')).toHaveText('Genesys (sandbox)');
    await page.keyboard.press('Alt+A');
    await expect(announcer(page)).toHaveText('Genesys (sandbox) has no agent directory.');

    await page.keyboard.press('Alt+P');
    await expect(profile.locator('option:checked')).toHaveText('Huawei (sandbox)');
    await expect(announcer(page)).toHaveText('Profile: Huawei (sandbox)');
    await page.keyboard.press('Alt+Shift+P');
    await expect(profile.locator('option:checked')).toHaveText('Genesys (sandbox)');
    await page.keyboard.press('Alt+Shift+P');
    await expect(profile.locator('option:checked')).toHaveText('Oracle Click-to-Call (sandbox)');
    await page.keyboard.press('Alt+P');
    await page.keyboard.press('Alt+P');

    await page.keyboard.press('Alt+A');
    const agent = page.getByRole('combobox', { name: 'Agent' });
    await expect(agent).toBeFocused();
    await expect(page.getByRole('radio', { name: 'Agent' })).toBeChecked();

    await page.keyboard.press('Alt+Y');
    await expect(page.getByRole('region', { name: 'History' }).getByRole('heading', { name: 'History' })).toBeFocused();
    await page.keyboard.press('Alt+N');
    await expect(page.getByRole('textbox', { name: 'Phone number' })).toBeFocused();
    await expect(page.getByRole('radio', { name: 'Phone number' })).toBeChecked();
  });
});
