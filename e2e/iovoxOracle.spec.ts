import { test, expect } from './fixtures';
import { emulatorRequests } from './emulatorControl';

test.describe('IOVOX and Oracle Click-to-Call', () => {
  test('an IOVOX call with IVR digits goes out as one call_destination and says the vendor reports no progress', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'IOVOX (sandbox)' });
    await page.getByRole('textbox', { name: 'Phone number' }).fill('+44 9789 123123');
    await page.getByRole('textbox', { name: 'Post-dial digits' }).fill(',1');
    // The documentation's example number is outside known ranges: the dialer asks once, and
    // a second Enter dials it as it is.
    await page.getByRole('textbox', { name: 'Phone number' }).press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'is not a known number' })).toBeVisible();
    expect(await emulatorRequests(emulators.iovox, '/Calling')).toHaveLength(0);
    await page.getByRole('textbox', { name: 'Phone number' }).press('Enter');

    const call = page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /449789123123/ });
    await expect(call).toContainText('Accepted by the vendor (no progress reported)');
    await expect(call).toContainText('reports nothing after that');
    const posts = await emulatorRequests(emulators.iovox, '/Calling');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toContain('<call_destination>449789123123,1</call_destination>');
  });

  test('a scheduled Oracle call is shown with its time and can be cancelled', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Oracle Click-to-Call (sandbox)' });
    await page.getByRole('textbox', { name: 'Phone number' }).fill('+1 202 634 5780');
    await page.getByRole('textbox', { name: 'Start in' }).fill('600');
    await page.getByRole('button', { name: 'Call' }).click();

    const call = page.getByRole('article', { name: /202 634 5780/ });
    await expect(call).toContainText('Scheduled');
    await expect(call).toContainText('Scheduled for');
    const starts = await emulatorRequests(emulators.oracle, '^/call/2.0/367901/');
    expect(starts).toHaveLength(1);
    expect(JSON.parse(starts[0]?.body ?? '{}')).toMatchObject({ delay: 600 });

    await call.getByRole('button', { name: 'Cancel call' }).click();
    await expect(call).toContainText('Ended');
    const deletes = (await emulatorRequests(emulators.oracle, '^/call/2.0/')).filter((r) => r.method === 'DELETE');
    expect(deletes).toHaveLength(1);
  });
});
