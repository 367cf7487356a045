import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { electronBinaryPath, electronPackageDir, locateElectronBinary, platformExecutable } from './electronBinary.mjs';

let root: string;
let electronDir: string;

beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'electron-binary-'));
  electronDir = join(root, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
});

afterEach(() => {
  rmSync(root, { recursive: true, force: true });
});

function writeExecutable(file: string): void {
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
}

describe('locateElectronBinary', () => {
  it('finds dist/<path.txt> when the download completed', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    writeExecutable(join(electronDir, 'dist', 'electron'));
    expect(locateElectronBinary({ electronDir, env: {}, platform: 'linux' })).toEqual({
      found: true,
      path: join(electronDir, 'dist', 'electron'),
    });
  });

  it("follows path.txt's macOS app-bundle path", () => {
    const executable = 'Electron.app/Contents/MacOS/Electron';
    writeFileSync(join(electronDir, 'path.txt'), executable);
    writeExecutable(join(electronDir, 'dist', executable));
    expect(locateElectronBinary({ electronDir, env: {}, platform: 'darwin' })).toEqual({
      found: true,
      path: join(electronDir, 'dist', executable),
    });
  });

  it('reports a missing path.txt (the download never ran) without creating anything', () => {
    const result = locateElectronBinary({ electronDir, env: {}, platform: 'linux' });
    expect(result).toMatchObject({ found: false, reason: expect.stringContaining('path.txt is missing') });
  });

  it('reports path.txt pointing at a dist/ that is absent', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    expect(locateElectronBinary({ electronDir, env: {}, platform: 'linux' })).toMatchObject({
      found: false,
      reason: expect.stringContaining(join('dist', 'electron')),
    });
  });

  it('does not take a directory for the executable', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    mkdirSync(join(electronDir, 'dist', 'electron'), { recursive: true });
    expect(locateElectronBinary({ electronDir, env: {}, platform: 'linux' }).found).toBe(false);
  });

  it('uses ELECTRON_OVERRIDE_DIST_PATH with the platform executable when path.txt is absent', () => {
    const dist = join(root, 'custom-dist');
    writeExecutable(join(dist, 'electron.exe'));
    expect(locateElectronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'win32' })).toEqual({
      found: true,
      path: join(dist, 'electron.exe'),
    });
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH over dist/, as electron/index.js does', () => {
    const dist = join(root, 'custom-dist');
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    writeExecutable(join(electronDir, 'dist', 'electron'));
    writeExecutable(join(dist, 'electron'));
    expect(locateElectronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' })).toEqual({
      found: true,
      path: join(dist, 'electron'),
    });
  });

  it('reports an override directory without the executable', () => {
    const dist = join(root, 'empty-dist');
    mkdirSync(dist);
    expect(locateElectronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: dist }, platform: 'linux' })).toMatchObject({
      found: false,
      reason: expect.stringContaining('ELECTRON_OVERRIDE_DIST_PATH'),
    });
  });

  it('reports a platform Electron does not build for', () => {
    expect(locateElectronBinary({ electronDir, env: { ELECTRON_OVERRIDE_DIST_PATH: root }, platform: 'aix' })).toMatchObject({
      found: false,
      reason: expect.stringContaining('aix'),
    });
  });

});

describe('electronBinaryPath', () => {
  it("looks in the app's own node_modules/electron", () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    writeExecutable(join(electronDir, 'dist', 'electron'));
    expect(electronBinaryPath(root, {})).toBe(join(electronDir, 'dist', 'electron'));
  });

  it('is undefined where the binary is missing', () => {
    expect(electronBinaryPath(root, {})).toBeUndefined();
  });
});

describe('electronPackageDir', () => {
  it("resolves this repository's electron package without loading it", () => {
    expect(electronPackageDir()).toBe(fileURLToPath(new URL('../node_modules/electron', import.meta.url)));
  });
});

describe('platformExecutable', () => {
  it.each<[NodeJS.Platform, string | undefined]>([
    ['linux', 'electron'],
    ['freebsd', 'electron'],
    ['win32', 'electron.exe'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
    ['sunos', undefined],
  ])('%s → %s', (platform, executable) => {
    expect(platformExecutable(platform)).toBe(executable);
  });
});
