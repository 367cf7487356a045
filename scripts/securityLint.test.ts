import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { mainWindowOptions, secureWebPreferences } from '../electron/main/security/windowOptions';
import { installedElectronVersion, judge, lintTree, materializedWindows, runSecurityLint, type Finding } from './securityLint.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));

const finding = (overrides: Partial<Finding>): Finding => ({
  id: 'CONTEXT_ISOLATION_JS_CHECK',
  severity: 'HIGH',
  confidence: 'FIRM',
  file: 'electron/main/window.ts',
  line: 14,
  sample: 'const window = new BrowserWindow(mainWindowOptions(options.preloadPath, options.devTools));',
  description: '',
  manualReview: false,
  ...overrides,
});

/** Lints a tree holding one file, as the app's scan would. */
async function lintOne(name: string, source: string): Promise<ReturnType<typeof judge>> {
  const dir = mkdtempSync(join(tmpdir(), 'softphone-lint-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'x', devDependencies: { electron: installedElectronVersion() } }));
  writeFileSync(join(dir, name), source);
  const { findings, parseErrors } = await lintTree(dir, installedElectronVersion());
  return judge(findings, parseErrors);
}

describe('judging Electronegativity findings', () => {
  it.each<[string, Finding, 'blocking' | 'setAside' | 'reported']>([
    ['a HIGH finding', finding({ sample: 'new BrowserWindow({ webPreferences: { contextIsolation: false } })' }), 'blocking'],
    ['a window-option finding where the options come from mainWindowOptions()', finding({}), 'setAside'],
    ['a MEDIUM finding', finding({ id: 'OPEN_EXTERNAL_JS_CHECK', severity: 'MEDIUM', sample: 'shell.openExternal(url)' }), 'reported'],
    ['a HIGH finding of another check on the window line', finding({ id: 'LIMIT_NAVIGATION_JS_CHECK' }), 'blocking'],
  ])('%s is %s', (_name, input, where) => {
    expect(judge([input], [])[where]).toEqual([input]);
  });

  it('blocks on a file it could not parse', () => {
    expect(judge([], [{ file: 'a.js', message: 'Unexpected token' }]).parseErrors).toHaveLength(1);
  });

  it('writes the real options inline for the linter', () => {
    const source = materializedWindows([mainWindowOptions('/p.cjs', false)]);
    expect(source).toContain('new BrowserWindow({');
    expect(source).toContain('"contextIsolation": true');
  });
});

describe('Electronegativity on the app', () => {
  it('finds nothing HIGH in what Electron runs, and reads every file', async () => {
    const result = await runSecurityLint({ root, windowOptions: [false, true].map((devTools) => mainWindowOptions('/app/out/preload/index.cjs', devTools)) });
    expect(result.blocking).toEqual([]);
    expect(result.parseErrors).toEqual([]);
    // Only the one window site is set aside, and its checks ran on the real options instead.
    for (const aside of result.setAside) expect(aside.file).toBe('electron/main/window.ts');
    const onMaterialized = result.reported.filter((f) => f.file.endsWith('window.materialized.js')).map((f) => f.id);
    expect(onMaterialized).not.toContain('CONTEXT_ISOLATION_JS_CHECK');
    expect(onMaterialized).not.toContain('SANDBOX_JS_CHECK');
  }, 60_000);

  it('would fail on an insecure window written inline', async () => {
    const verdict = await lintOne('main.js', "const { BrowserWindow } = require('electron');\nnew BrowserWindow({ webPreferences: { contextIsolation: false, nodeIntegration: true, sandbox: false } });\n");
    expect(verdict.blocking.map((f) => f.id)).toContain('CONTEXT_ISOLATION_JS_CHECK');
  }, 60_000);

  it('would fail if mainWindowOptions() itself turned isolation off', async () => {
    const insecure = { ...mainWindowOptions('/p.cjs', false), webPreferences: { ...secureWebPreferences('/p.cjs', false), contextIsolation: false } };
    const verdict = await lintOne('window.materialized.js', materializedWindows([insecure]));
    expect(verdict.blocking.map((f) => f.id)).toContain('CONTEXT_ISOLATION_JS_CHECK');
  }, 60_000);
});
