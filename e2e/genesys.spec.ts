import { test, expect } from './fixtures';

test.describe('Genesys, end to end through the real architecture', () => {
  test('a new user dials on the sandbox Genesys profile and watches Dialing → Established → Released', async ({ launchApp }) => {
    const { page } = await launchApp();
    await expect(page.getByText('Sandbox — no real calls')).toBeVisible();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Genesys (sandbox)' });
    await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');

    await page.getByRole('textbox', { name: 'Phone number' }).fill('5001');
    await page.getByRole('textbox', { name: 'Phone number' }).press('Enter');

    const call = page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /5001/ });
    await expect(call).toContainText('Dialing');
    await expect(call).toContainText('Established');
    await expect(call).toContainText('Connected');
    await call.getByRole('button', { name: 'Hang up' }).click();
    await expect(call).toContainText('Released');
    await expect(call).toContainText('Ended');
    await expect(page.getByTestId('announcer')).toContainText('Ended');
  });

  test('hold, resume and send digits on a live Genesys call', async ({ launchApp }) => {
    const { page } = await launchApp();
    await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: 'Genesys (sandbox)' });
    await page.getByRole('textbox', { name: 'Phone number' }).fill('5002');
    await page.getByRole('button', { name: 'Call' }).click();
    const call = page.getByRole('article', { name: /5002/ });
    await expect(call).toContainText('Connected');
    await call.getByRole('button', { name: 'Hold' }).click();
    await expect(call).toContainText('On hold');
    await call.getByRole('button', { name: 'Resume' }).click();
    await expect(call.getByText('Connected', { exact: true })).toBeVisible();
    await call.getByRole('textbox', { name: 'Send digits' }).fill('12#');
    await call.getByRole('textbox', { name: 'Send digits' }).press('Enter');
    await expect(call).toContainText('DtmfSent');
    await call.getByRole('button', { name: 'Hang up' }).click();
    await expect(call).toContainText('Ended');
  });

  test('a profile with a wrong password shows the vendor’s own message in an alert, and no secret reaches the renderer', async ({ launchApp, sandbox }) => {
    const secret = 'Wr0ng-Pa55word!e2e';
    const { page, received } = await launchApp({
      config: {
        defaultCountry: 'GB',
        profiles: [{ id: 'gws', vendor: 'genesys', label: 'Genesys EU', baseUrl: sandbox.urls.genesys, username: 'agent1', password: { env: 'E2E_GWS_PASSWORD' } }],
      },
      env: { E2E_GWS_PASSWORD: secret },
    });
    await expect(page.getByRole('alert').filter({ hasText: 'Access denied' }).first()).toBeVisible();
    await expect(page.getByText('Sandbox — no real calls')).toHaveCount(0);

    await page.getByRole('textbox', { name: 'Phone number' }).fill('5001');
    await page.getByRole('textbox', { name: 'Phone number' }).press('Enter');
    await expect(page.getByRole('alert').filter({ hasText: 'Access denied' }).first()).toBeVisible();
    const dials = sandbox.emulators.genesys.server.log.list('/api/v2/me/devices/.*/calls');
    expect(dials).toHaveLength(0);

    expect(received.length).toBeGreaterThan(0);
    const forms = [secret, encodeURIComponent(secret), Buffer.from(secret).toString('base64'), Buffer.from(`agent1:${secret}`).toString('base64')];
    for (const frame of received) for (const form of forms) expect(frame).not.toContain(form);
  });
});
