import type { Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { emulatorRequests } from './emulatorControl';

/** Keyboard only: the directory pickers are ARIA comboboxes and a listbox, not native selects. */
async function chooseVonage(page: Page): Promise<void> {
  const profile = page.getByRole('combobox', { name: 'Profile' });
  await profile.press('V');
  await expect(profile.locator('option:checked')).toHaveText('Vonage (sandbox)');
  await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
}

const callPosts = async (base: string) => (await emulatorRequests(base, '/v0/a1b2c3d4e5/calls/?$')).filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body) as unknown);

test.describe('Vonage Contact Center', () => {
  test('a supervisor places an agent-to-agent call from agent 1234 to agent 4567', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseVonage(page);
    await page.getByRole('radiogroup', { name: 'Call to' }).getByRole('radio', { name: 'Phone number' }).press('ArrowRight');
    await expect(page.getByRole('radio', { name: 'Agent' })).toBeChecked();

    const agent = page.getByRole('combobox', { name: 'Agent', exact: true });
    await agent.pressSequentially('sam');
    await expect(page.getByRole('listbox', { name: 'Agent: suggestions' }).getByRole('option')).toHaveText(['Sam Agent (4567)']);
    await agent.press('Enter');
    await expect(agent).toHaveValue('Sam Agent (4567)');

    const fromAgent = page.getByRole('combobox', { name: 'From agent' });
    await fromAgent.pressSequentially('1234');
    await fromAgent.press('Enter');
    await expect(fromAgent).toHaveValue('Alex Agent (1234)');
    // With the list closed, Enter dials.
    await fromAgent.press('Enter');

    const call = page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /4567/ });
    await expect(call).toContainText('Active');
    expect(await callPosts(emulators.vonage)).toEqual([{ from: { agentId: '1234' }, to: { agentId: '4567' } }]);
  });

  test('the agent picker moves with the arrow keys and Escape closes it without choosing', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseVonage(page);
    await page.getByRole('radio', { name: 'Phone number' }).press('ArrowRight');
    const agent = page.getByRole('combobox', { name: 'Agent', exact: true });
    await agent.press('ArrowDown');
    await expect(agent).toHaveAttribute('aria-expanded', 'true');
    const suggestions = page.getByRole('listbox', { name: 'Agent: suggestions' });
    await expect(suggestions.getByRole('option', { selected: true })).toHaveText('Alex Agent (1234)');
    await agent.press('ArrowDown');
    await expect(suggestions.getByRole('option', { selected: true })).toHaveText('Sam Agent (4567)');
    await agent.press('Escape');
    await expect(agent).toHaveAttribute('aria-expanded', 'false');
    await expect(agent).toHaveValue('');
    await agent.press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Choose the agent to call.' })).toBeVisible();
    expect(await callPosts(emulators.vonage)).toEqual([]);
  });

  test('a group call from Sales and Support to a number', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseVonage(page);
    await page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('020 7206 8888');
    const groups = page.getByRole('listbox', { name: 'From groups' });
    await groups.press('Space');
    await groups.press('ArrowDown');
    await groups.press('Space');
    await expect(groups.getByRole('option', { selected: true })).toHaveText([/Sales \(030\)/, /Support \(200\)/]);
    await groups.press('Enter');
    await expect(page.getByRole('article', { name: /020 7206 8888/ })).toBeVisible();
    expect(await callPosts(emulators.vonage)).toEqual([{ from: { groups: ['030', '200'] }, to: { telephoneNumber: '02072068888' } }]);
  });

  test('favourites come first in the pickers and survive a restart of the app', async ({ launchApp }) => {
    const first = await launchApp();
    await chooseVonage(first.page);
    const fromAgent = first.page.getByRole('combobox', { name: 'From agent' });
    await fromAgent.pressSequentially('robin');
    await fromAgent.press('Enter');
    const star = first.page.getByRole('button', { name: 'Favourite: Robin Supervisor' });
    await expect(star).toHaveAttribute('aria-pressed', 'false');
    await star.press('Space');
    await expect(star).toHaveAttribute('aria-pressed', 'true');
    await first.close();

    const again = await launchApp({ dataDir: first.dataDir });
    await chooseVonage(again.page);
    const picker = again.page.getByRole('combobox', { name: 'From agent' });
    await picker.press('ArrowDown');
    await expect(again.page.getByRole('listbox', { name: 'From agent: suggestions' }).getByRole('option').first()).toHaveText(/Robin Supervisor \(5464\), favourite/);
  });

  test('post-dial digits are refused with the reason, and nothing is sent', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await chooseVonage(page);
    await expect(page.getByRole('textbox', { name: 'Post-dial digits' })).toBeDisabled();
    await expect(page.getByText('no field for post-dial digits')).toBeVisible();
    expect((await emulatorRequests(emulators.vonage, '/calls')).filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
