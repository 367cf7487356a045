import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// start.mjs runs for real, in a throw-away app directory: a stand-in for the built shell entry
// and, where a test needs one, a stand-in Electron executable (a shell script).
const scriptsDir = fileURLToPath(new URL('.', import.meta.url));
let appDir: string;

beforeEach(() => {
  appDir = mkdtempSync(join(tmpdir(), 'softphone-start-'));
  mkdirSync(join(appDir, 'scripts'));
  for (const file of ['start.mjs', 'electronBinary.mjs', 'launchPlan.mjs']) {
    copyFileSync(join(scriptsDir, file), join(appDir, 'scripts', file));
  }
});

afterEach(() => {
  rmSync(appDir, { recursive: true, force: true });
});

function writeBuiltEntry(name: string, body: string): void {
  mkdirSync(join(appDir, 'out', 'main'), { recursive: true });
  writeFileSync(join(appDir, 'out', 'main', name), body);
}

function start(args: string[], env: NodeJS.ProcessEnv = {}) {
  const childEnv = { ...process.env, ...env };
  if (env.ELECTRON_OVERRIDE_DIST_PATH === undefined) delete childEnv.ELECTRON_OVERRIDE_DIST_PATH;
  return spawnSync(process.execPath, [join(appDir, 'scripts', 'start.mjs'), ...args], {
    env: childEnv,
    encoding: 'utf8',
    timeout: 20_000,
  });
}

describe('scripts/start.mjs', () => {
  it('without Electron, says so in one line and runs the browser shell with the same arguments and exit code', () => {
    writeBuiltEntry('shell.js', 'console.log(JSON.stringify(process.argv.slice(2))); process.exit(7);');
    const result = start(['--config', 'team.json', '--port', '0']);
    expect(result.stderr).toBe("Electron's binary is not installed on this machine; starting the browser shell instead.\n");
    expect(JSON.parse(result.stdout)).toEqual(['--config', 'team.json', '--port', '0']);
    expect(result.status).toBe(7);
  });

  it.skipIf(process.platform === 'win32')('with an Electron binary, runs it on the app directory, silently', () => {
    writeBuiltEntry('index.js', '');
    const dist = join(appDir, 'electron-dist');
    mkdirSync(dist);
    const executable = join(dist, process.platform === 'darwin' ? 'Electron.app/Contents/MacOS/Electron' : 'electron');
    mkdirSync(join(executable, '..'), { recursive: true });
    writeFileSync(executable, '#!/bin/sh\necho "$@"\necho "run-as-node=${ELECTRON_RUN_AS_NODE:-unset}"\nexit 5\n');
    chmodSync(executable, 0o755);

    const result = start(['--config', 'team.json'], { ELECTRON_OVERRIDE_DIST_PATH: dist, ELECTRON_RUN_AS_NODE: '1' });
    expect(result.stderr).toBe('');
    expect(result.stdout).toBe(`${appDir} --config team.json\nrun-as-node=unset\n`);
    expect(result.status).toBe(5);
  });

  it('refuses to start before the build, naming the missing file', () => {
    const result = start([]);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(join(appDir, 'out', 'main', 'shell.js'));
    expect(result.stderr).toContain('npm run build');
  });
});
