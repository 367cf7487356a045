import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { _electron, chromium, test as base, type Browser, type ElectronApplication, type Page, type WebSocket as PwSocket } from '@playwright/test';
import type { Vendor } from '../shared/callModel';
import { startSandbox, type Sandbox } from '../sandbox';
import { electronBinaryPath } from '../scripts/electronBinary.mjs';

export const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export interface LaunchOptions {
  /** A config file's content; the shell runs in sandbox mode when absent. */
  config?: unknown;
  env?: Record<string, string>;
  dataDir?: string;
}

export interface RunningApp {
  page: Page;
  /** Base URLs of the emulators the app talks to (its own sandbox, or the test's). */
  emulators: Record<Vendor, string>;
  /** Every frame main sent to the renderer (browser shell), for secret scans. */
  received: string[];
  dataDir: string;
  close(): Promise<void>;
}

type Fixtures = {
  shellKind: 'browser' | 'electron';
  launchApp: (options?: LaunchOptions) => Promise<RunningApp>;
  sandbox: Sandbox;
};

let browser: Browser | undefined;

export const test = base.extend<Fixtures>({
  shellKind: ['browser', { option: true }],
  sandbox: async ({ shellKind: _shellKind }, use) => {
    const sandbox = await startSandbox();
    await use(sandbox);
    await sandbox.stop();
  },
  launchApp: async ({ shellKind }, use) => {
    const running: RunningApp[] = [];
    await use(async (options = {}) => {
      const app = shellKind === 'electron' ? await launchElectron(options) : await launchBrowserShell(options);
      running.push(app);
      return app;
    });
    for (const app of running) await app.close();
  },
});

export { expect } from '@playwright/test';

function prepare(options: LaunchOptions): { args: string[]; dataDir: string } {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'softphone-e2e-'));
  const args = ['--data-dir', dataDir];
  if (options.config !== undefined) {
    const file = join(dataDir, 'config.json');
    writeFileSync(file, JSON.stringify(options.config, null, 2));
    args.push('--config', file);
  }
  return { args, dataDir };
}

/** Reads the shell's first lines: the ready URL and, in sandbox mode, the emulators. */
function readStartup(child: ChildProcess): Promise<{ url: string; emulators: Record<Vendor, string> }> {
  return new Promise((resolve, reject) => {
    let url: string | undefined;
    const errors: string[] = [];
    const lines = createInterface({ input: child.stdout! });
    child.stderr?.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
    child.once('exit', (code) => reject(new Error(`the app exited with ${code} before it was ready: ${errors.join('')}`)));
    lines.on('line', (line) => {
      const ready = /Softphone ready at (\S+)/.exec(line);
      if (ready) url = ready[1];
      const sandbox = /emulators at (\{.*\})/.exec(line);
      if (url && (sandbox || line.startsWith('Configuration:'))) {
        resolve({ url, emulators: sandbox ? (JSON.parse(sandbox[1] ?? '{}') as Record<Vendor, string>) : ({} as Record<Vendor, string>) });
      }
    });
  });
}

async function launchBrowserShell(options: LaunchOptions): Promise<RunningApp> {
  const { args, dataDir } = prepare(options);
  const child = spawn(process.execPath, ['out/main/shell.js', '--port', '0', ...args], {
    env: { ...process.env, ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const { url, emulators } = await readStartup(child);
  browser ??= await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
  const context = await browser.newContext();
  const page = await context.newPage();
  const received: string[] = [];
  page.on('websocket', (socket: PwSocket) => socket.on('framereceived', (frame) => received.push(String(frame.payload))));
  await page.goto(url);
  return {
    page,
    emulators,
    received,
    dataDir,
    close: async () => {
      await context.close();
      child.kill('SIGTERM');
      await new Promise((resolve) => (child.exitCode !== null ? resolve(undefined) : child.once('exit', resolve)));
    },
  };
}

async function launchElectron(options: LaunchOptions): Promise<RunningApp> {
  const executablePath = electronBinaryPath(process.cwd(), process.env);
  if (!executablePath) throw new Error('The electron project runs only where the Electron binary is installed.');
  const { args, dataDir } = prepare(options);
  const app: ElectronApplication = await _electron.launch({ executablePath, args: ['.', ...args], env: { ...process.env, ...options.env } as Record<string, string> });
  const emulators = await new Promise<Record<Vendor, string>>((resolve) => {
    const lines = createInterface({ input: app.process().stdout! });
    lines.on('line', (line) => {
      const sandbox = /emulators at (\{.*\})/.exec(line);
      if (sandbox) resolve(JSON.parse(sandbox[1] ?? '{}') as Record<Vendor, string>);
      else if (line.startsWith('Configuration:')) resolve({} as Record<Vendor, string>);
    });
  });
  const page = await app.firstWindow();
  return { page, emulators, received: [], dataDir, close: () => app.close() };
}

export async function closeBrowser(): Promise<void> {
  await browser?.close();
  browser = undefined;
}
