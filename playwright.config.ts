import { defineConfig } from '@playwright/test';
import { electronBinaryPath } from './scripts/electronBinary.mjs';

const electron = electronBinaryPath(process.cwd(), process.env);
// Said once, by the runner (workers load this file too): the Electron run is absent, not faked.
if (!electron && process.env.TEST_WORKER_INDEX === undefined) {
  process.stdout.write('Electron binary not installed: the "electron" project is left out; the specs run against the browser shell.\n');
}

export default defineConfig<{ shellKind: 'browser' | 'electron' }>({
  testDir: 'e2e',
  // The README screenshots are made on request (SCREENSHOTS=1), not checked on every run.
  testIgnore: process.env.SCREENSHOTS === '1' ? [] : ['screenshots.spec.ts'],
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: { trace: 'retain-on-failure' },
  projects: [
    { name: 'browser-shell', use: { shellKind: 'browser' as const } },
    // The same specs against the real Electron app, where its binary is installed.
    ...(electron ? [{ name: 'electron', use: { shellKind: 'electron' as const } }] : []),
  ],
});
