// Finds Electron's executable the way node_modules/electron/index.js does, minus its side
// effect: requiring that module downloads the binary when it is missing, which an offline
// machine cannot do. Plain JavaScript so `npm start` and the Playwright config can use it
// without a build step.
import { statSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** @typedef {import('./electronBinary.d.mts').ElectronBinary} ElectronBinary */
/** @typedef {import('./electronBinary.d.mts').LocateElectronOptions} LocateElectronOptions */

/**
 * The executable's path inside Electron's distribution, as electron/install.js names it.
 * @param {NodeJS.Platform} platform
 * @returns {string | undefined}
 */
export function platformExecutable(platform) {
  switch (platform) {
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    case 'win32':
      return 'electron.exe';
    case 'linux':
    case 'freebsd':
    case 'openbsd':
      return 'electron';
    default:
      return undefined;
  }
}

/**
 * node_modules/electron, found by resolving its package.json (resolving does not run index.js).
 * @returns {string | undefined}
 */
export function electronPackageDir() {
  try {
    return dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  } catch {
    return undefined;
  }
}

/**
 * @param {LocateElectronOptions} [options]
 * @returns {ElectronBinary}
 */
export function locateElectronBinary(options = {}) {
  const env = options.env ?? process.env;
  const platform = options.platform ?? process.platform;
  const electronDir = options.electronDir ?? electronPackageDir();
  const recorded = electronDir === undefined ? undefined : readPathFile(join(electronDir, 'path.txt'));
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (override) {
    const executable = recorded ?? platformExecutable(platform);
    if (executable === undefined) return { found: false, reason: `Electron has no build for ${platform}` };
    const candidate = join(override, executable);
    return isFile(candidate)
      ? { found: true, path: candidate }
      : { found: false, reason: `ELECTRON_OVERRIDE_DIST_PATH has no ${executable} (looked for ${candidate})` };
  }

  if (electronDir === undefined) return { found: false, reason: 'the electron package is not installed' };
  if (recorded === undefined) {
    return { found: false, reason: `${join(electronDir, 'path.txt')} is missing: Electron's download never completed` };
  }
  const candidate = join(electronDir, 'dist', recorded);
  return isFile(candidate) ? { found: true, path: candidate } : { found: false, reason: `${candidate} does not exist` };
}

/**
 * The executable for the app rooted at `appDir` (its node_modules/electron), or undefined.
 * @param {string} appDir
 * @param {NodeJS.ProcessEnv} env
 * @returns {string | undefined}
 */
export function electronBinaryPath(appDir, env) {
  const binary = locateElectronBinary({ electronDir: join(appDir, 'node_modules', 'electron'), env });
  return binary.found ? binary.path : undefined;
}

/**
 * @param {string} file
 * @returns {string | undefined}
 */
function readPathFile(file) {
  try {
    const value = readFileSync(file, 'utf8').trim();
    return value === '' ? undefined : value;
  } catch {
    return undefined;
  }
}

/**
 * @param {string} candidate
 * @returns {boolean}
 */
function isFile(candidate) {
  try {
    return statSync(candidate).isFile();
  } catch {
    return false;
  }
}
