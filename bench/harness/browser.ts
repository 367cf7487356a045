import { chromium, type Browser, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { ALL_STATE_LABELS } from '../analysis/expectedStates';
import { numberPattern } from './numbers';
import { pageScript, installProbe, ProbeClient } from './pageProbe';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
  // performance.memory reports exact sizes instead of bucketed ones.
  '--enable-precise-memory-info',
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A browser context whose pages carry the bench probe from their first script on. */
export async function probedContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript({ content: pageScript(installProbe, ALL_STATE_LABELS) });
  return context;
}

const UI_TIMEOUT_MS = 15_000;

/** The app's screen, through the accessible names of DESIGN §8. */
export class AppScreen {
  readonly probe: ProbeClient;

  constructor(readonly page: Page) {
    this.probe = new ProbeClient(page);
  }

  get numberBox(): Locator {
    return this.page.getByRole('textbox', { name: 'Phone number' });
  }

  get callButton(): Locator {
    return this.page.getByRole('button', { name: 'Call', exact: true });
  }

  /** The card of the call to this number, however the dialer grouped its digits ("0113 496 0001"). */
  callCard(number: string): Locator {
    return this.page.getByRole('region', { name: 'Active calls' }).getByRole('article', { name: numberPattern(number) });
  }

  async selectProfile(profileId: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Profile' }).selectOption(profileId);
    await this.page.getByRole('status', { name: 'Session' }).getByText(/^Signed in/).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  async waitForState(number: string, label: string): Promise<void> {
    await this.callCard(number).getByText(label, { exact: true }).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** The dialer takes the next Enter once the previous dial has settled. */
  async waitDialerIdle(): Promise<void> {
    await this.page.locator('button[aria-disabled="false"]', { hasText: /^Call$/ }).waitFor({ timeout: UI_TIMEOUT_MS });
  }

  /** Types the number, then presses Enter in the number field. */
  async dial(number: string): Promise<void> {
    await this.numberBox.fill(number);
    await this.numberBox.press('Enter');
  }
}
