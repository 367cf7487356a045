import { test, expect } from './fixtures';
import { emulatorRequests } from './emulatorControl';

test.describe('Huawei CC-Gateway', () => {
  test('dials a number with a skill and watches the states arrive from the long-poll', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Huawei (sandbox)' });
    await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
    await page.getByRole('combobox', { name: 'Skill' }).selectOption('25');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('70092');
    await page.getByRole('textbox', { name: 'Phone number' }).press('Enter');

    const call = page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /70092/ });
    await expect(call).toContainText('Ringing');
    await expect(call).toContainText('Connected');
    await expect(call).toContainText('AgentEvent_Talking');
    const callouts = await emulatorRequests(emulators.huawei, '/voicecall/40038/callout');
    expect(callouts).toHaveLength(1);
    expect(JSON.parse(callouts[0]?.body ?? '{}')).toMatchObject({ called: '70092', skillid: 25 });

    await call.getByRole('button', { name: 'Hang up' }).click();
    await expect(call).toContainText('Ended');
  });

  test('calls another agent (callinner) and the colleague’s profile sees it ring', async ({ launchApp }) => {
    const { page } = await launchApp();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Huawei (sandbox)' });
    await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
    await page.getByRole('radiogroup', { name: 'Call to' }).getByRole('radio', { name: 'Agent' }).check();
    // The agent picker is an ARIA combobox (type to search, Enter to choose), not a native select.
    await page.getByRole('combobox', { name: 'Agent', exact: true }).pressSequentially('40040');
    await page.getByRole('combobox', { name: 'Agent', exact: true }).press('Enter');
    await page.getByRole('button', { name: 'Call' }).click();

    const outgoing = page.getByRole('article', { name: /Call to agent 40040/ });
    const incoming = page.getByRole('article', { name: /Call from agent 40038/ });
    await expect(outgoing).toContainText('Connected');
    await expect(incoming).toContainText('Huawei colleague 40040');
    await expect(incoming).toContainText('Connected');
    await outgoing.getByRole('button', { name: 'Hang up' }).click();
    await expect(outgoing).toContainText('Ended');
    await expect(incoming).toContainText('Ended');
  });

  test('a busy number fails with the vendor’s reason in an alert', async ({ launchApp }) => {
    const { page } = await launchApp();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Huawei (sandbox)' });
    await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
    await page.getByRole('textbox', { name: 'Phone number' }).fill('70099');
    await page.getByRole('textbox', { name: 'Phone number' }).press('Enter');
    const call = page.getByRole('article', { name: /70099/ });
    await expect(call).toContainText('Failed');
    await expect(page.getByRole('alert').filter({ hasText: 'busy' }).first()).toBeVisible();
  });
});
