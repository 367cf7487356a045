import { test, expect } from './fixtures';
import { emulatorRequests } from './emulatorControl';

test.describe('Vonage Contact Center', () => {
  test('a supervisor places an agent-to-agent call from agent 1234 to agent 4567', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Vonage (sandbox)' });
    await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
    await page.getByRole('radiogroup', { name: 'Call to' }).getByRole('radio', { name: 'Agent' }).check();
    await page.getByRole('combobox', { name: 'Agent', exact: true }).selectOption('4567');
    await page.getByRole('combobox', { name: 'From agent' }).selectOption('1234');
    await page.getByRole('button', { name: 'Call' }).click();

    const call = page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /4567/ });
    await expect(call).toContainText('Active');
    const posts = await emulatorRequests(emulators.vonage, '/v0/a1b2c3d4e5/calls/?$');
    expect(posts.filter((r) => r.method === 'POST').map((r) => JSON.parse(r.body))).toEqual([{ from: { agentId: '1234' }, to: { agentId: '4567' } }]);
  });

  test('a group call from Sales and Support to a number', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Vonage (sandbox)' });
    await page.getByRole('textbox', { name: 'Phone number' }).fill('020 7206 8888');
    await page.getByRole('listbox', { name: 'From groups' }).selectOption(['030', '200']);
    await page.getByRole('button', { name: 'Call' }).click();
    await expect(page.getByRole('article', { name: /020 7206 8888/ })).toBeVisible();
    const posts = (await emulatorRequests(emulators.vonage, '/v0/a1b2c3d4e5/calls/?$')).filter((r) => r.method === 'POST');
    expect(posts.map((r) => JSON.parse(r.body))).toEqual([{ from: { groups: ['030', '200'] }, to: { telephoneNumber: '02072068888' } }]);
  });

  test('post-dial digits are refused with the reason, and nothing is sent', async ({ launchApp }) => {
    const { page, emulators } = await launchApp();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Vonage (sandbox)' });
    await expect(page.getByRole('textbox', { name: 'Post-dial digits' })).toBeDisabled();
    await expect(page.getByText('no field for post-dial digits')).toBeVisible();
    expect((await emulatorRequests(emulators.vonage, '/calls')).filter((r) => r.method === 'POST')).toHaveLength(0);
  });
});
