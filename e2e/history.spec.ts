import AxeBuilder from '@axe-core/playwright';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { HistoryEntry } from '../shared/history';
import { test, expect } from './fixtures';

const callsPath = '/api/v2/me/devices/.*/calls';

/** WCAG checks of this screen as it stands, in the light and the dark theme. */
async function expectNoSeriousAxeViolations(page: Page): Promise<void> {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    const { violations } = await new AxeBuilder({ page }).analyze();
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
  await page.emulateMedia({ colorScheme: null });
}

test.describe('History, keyboard only', () => {
  test('redial from history after restarting the app', async ({ launchApp, sandbox }) => {
    const config = {
      defaultCountry: 'GB',
      profiles: [{ id: 'gws', vendor: 'genesys', label: 'Genesys EU', baseUrl: sandbox.urls.genesys, username: 'agent1', password: { env: 'E2E_GWS_PASSWORD' } }],
    };
    const env = { E2E_GWS_PASSWORD: 'sandbox' };
    const dials = () => sandbox.emulators.genesys.server.log.list(callsPath).filter((request) => request.method === 'POST');

    const first = await launchApp({ config, env });
    await expect(first.page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
    await first.page.getByRole('textbox', { name: 'Phone number' }).pressSequentially('5001');
    await first.page.keyboard.press('Enter');
    const firstCall = first.page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /5001/ });
    await expect(firstCall).toContainText('Connected');
    await firstCall.getByRole('button', { name: 'Hang up' }).press('Enter');
    await expect(firstCall).toContainText('Ended');
    expect(dials()).toHaveLength(1);
    await first.close();

    const second = await launchApp({ config, env, dataDir: first.dataDir });
    const { page } = second;
    await expect(page.getByRole('status', { name: 'Session' })).toContainText('Signed in');
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).press('Enter');
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('heading', { name: 'History' })).toBeFocused();
    const row = history.getByRole('listitem').filter({ hasText: '5001' });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText('Ended');
    await expect(row).toContainText('Genesys EU');
    await expect(row).toContainText('Vendor: Released');

    await history.getByRole('textbox', { name: 'Search history' }).pressSequentially('5001 ended');
    await expect(history.getByRole('status')).toHaveText('1 call match, newest first.');
    await page.keyboard.press('Tab');
    await expect(row).toBeFocused();
    await page.keyboard.press('Enter');

    const redialled = page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: /5001/ });
    await expect(redialled).toContainText('Connected');
    await expect(redialled).toHaveCount(1);
    const sent = dials();
    expect(sent).toHaveLength(2);
    expect(sent[1]?.body).toBe(sent[0]?.body);

    await redialled.getByRole('button', { name: 'Hang up' }).press('Enter');
    await expect(redialled).toContainText('Ended');
    expect(dials()).toHaveLength(2);
  });

  test('a long history is virtualised and walked with the arrow keys, Home, End and Space', async ({ launchApp }) => {
    const dataDir = mkdtempSync(join(tmpdir(), 'softphone-e2e-history-'));
    const lines: string[] = [];
    for (let n = 0; n < 2_000; n += 1) {
      const number = `+4420794${String(n).padStart(5, '0')}`;
      const failed = n % 10 === 3;
      const entry: HistoryEntry = {
        call: {
          id: `seeded-${n}`,
          profileId: 'genesys',
          vendor: 'genesys',
          direction: 'outbound',
          target: { kind: 'phone', input: number, number },
          state: failed ? 'failed' : 'ended',
          timeline: [
            { state: 'requested', at: 1_700_000_000_000 + n * 60_000, rawState: 'requested', sourceEvent: 'Dial requested by the user' },
            { state: failed ? 'failed' : 'ended', at: 1_700_000_030_000 + n * 60_000, rawState: failed ? 'Abandoned' : 'Released', sourceEvent: 'EventReleased' },
          ],
          actions: [],
          ...(failed ? { failure: { code: 'VENDOR_REJECTED', message: `Destination ${n} busy` } } : {}),
          createdAt: 1_700_000_000_000 + n * 60_000,
        },
        profileLabel: 'Genesys (sandbox)',
        recordedAt: 1_700_000_040_000 + n * 60_000,
        recordedWhen: 'final',
        redial: { profileId: 'genesys', target: { kind: 'phone', input: number, number } },
      };
      lines.push(JSON.stringify(entry));
    }
    writeFileSync(join(dataDir, 'history.jsonl'), `${lines.join('\n')}\n`);

    const { page } = await launchApp({ dataDir });
    await page.getByRole('navigation', { name: 'Views' }).getByRole('button', { name: 'History' }).press('Enter');
    const history = page.getByRole('region', { name: 'History' });
    await expect(history.getByRole('status')).toHaveText('2000 calls, newest first.');
    const rows = history.getByRole('listitem');
    await expect(rows.first()).toContainText('+442079401999');
    expect(await rows.count()).toBeLessThan(30);

    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await expect(rows.filter({ hasText: '+442079401999' })).toBeFocused();
    await page.keyboard.press('ArrowDown');
    await expect(rows.filter({ hasText: '+442079401998' })).toBeFocused();
    await page.keyboard.press('End');
    const oldest = rows.filter({ hasText: '+442079400000' });
    await expect(oldest).toBeFocused();
    await expect(oldest).toHaveAttribute('aria-posinset', '2000');
    expect(await rows.count()).toBeLessThan(30);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('ArrowUp');
    const failed = rows.filter({ hasText: '+442079400003' });
    await expect(failed).toBeFocused();
    await expect(failed).toContainText('Destination 3 busy');

    await page.keyboard.press('Space');
    const details = history.getByRole('region', { name: 'Call to +442079400003' });
    await expect(details.getByRole('heading', { name: 'Call to +442079400003' })).toBeFocused();
    await expect(details.getByRole('listitem')).toHaveCount(2);
    await expect(details).toContainText('Abandoned');
    await expectNoSeriousAxeViolations(page);
    await page.keyboard.press('Escape');
    await expect(details).toHaveCount(0);
    await expect(failed).toBeFocused();

    await page.keyboard.press('Home');
    await expect(rows.filter({ hasText: '+442079401999' })).toBeFocused();
    await history.getByRole('textbox', { name: 'Search history' }).pressSequentially('busy');
    await expect(history.getByRole('status')).toHaveText('200 calls match, newest first.');
  });
});
