import { expect, test } from './fixtures';
import { startSecretSandbox } from './secretSandbox';
import { filesUnder, findSecrets, secretsSentToVendors } from './secretScan';
import { VENDORS } from '../shared/callModel';

/**
 * Issue 6, secrets: the full journeys on all five vendors, with distinctive secrets given as
 * `{ "env": NAME }` references, then a scan of every frame the renderer received, every log
 * line and every file in the data folder for each secret (plain, URL-encoded, base64, JSON-
 * escaped, and `user:password` in base64 for Basic auth), the configured ones and those the
 * vendors issued at run time (session cookies, bearer tokens, GUIDs): none may be there.
 */

const JOURNEYS = [
  { profile: 'Genesys', number: '5001', reaches: 'Connected' },
  { profile: 'Huawei', number: '70092', reaches: 'Connected' },
  { profile: 'Vonage', number: '020 7206 8888', reaches: 'Active' },
  { profile: 'IOVOX', number: '+44 7911 123456', reaches: 'Accepted by the vendor' },
  { profile: 'Oracle', number: '+1 202 634 5780', reaches: 'Connected' },
];

test('no secret reaches the renderer, the log or the data folder during the journeys of all five vendors', async ({ launchApp, shellKind }) => {
  test.skip(shellKind === 'electron', 'The fixture records renderer frames and honours --data-dir in the browser shell only.');
  test.setTimeout(180_000);
  const setup = await startSecretSandbox();
  try {
    const app = await launchApp({ config: setup.config, env: setup.env });
    const { page } = app;
    for (const journey of JOURNEYS) {
      await page.getByRole('combobox', { name: 'Profile' }).selectOption({ label: journey.profile });
      await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
      await page.getByRole('textbox', { name: 'Phone number' }).fill(journey.number);
      await page.getByRole('textbox', { name: 'Phone number' }).press('Enter');
      const call = page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: new RegExp(journey.number.slice(-4)) });
      await expect(call).toContainText(journey.reaches);
      const hangUp = call.getByRole('button', { name: 'Hang up' });
      if ((await hangUp.count()) > 0) {
        await hangUp.click();
        await expect(call).toContainText('Ended');
      }
    }
    // Quitting signs every profile out: that traffic, and its log lines, are scanned too.
    await app.close();

    const issued = VENDORS.flatMap((vendor) => secretsSentToVendors(vendor, setup.sandbox.emulators[vendor].server.log.list()));
    expect(issued.map((secret) => secret.name)).toEqual(
      expect.arrayContaining(['genesys Basic credentials', 'genesys cookie JSESSIONID', 'huawei guid', 'vonage Bearer credentials', 'iovox securekey']),
    );
    const haystacks = [...app.received.map((text, index) => ({ where: `frame ${index} to the renderer`, text })), ...filesUnder(app.dataDir)];
    expect(app.received.length).toBeGreaterThan(0);
    expect(haystacks.map((haystack) => haystack.where)).toContain('logs/softphone.log');
    expect(findSecrets(haystacks, [...setup.secrets, ...issued])).toEqual([]);
  } finally {
    await setup.stop();
  }
});
