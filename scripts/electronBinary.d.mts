export type ElectronBinary = { found: true; path: string } | { found: false; reason: string };

export interface LocateElectronOptions {
  /** node_modules/electron; resolved from this package when absent. */
  electronDir?: string;
  /** Read for ELECTRON_OVERRIDE_DIST_PATH; defaults to process.env. */
  env?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** Where Electron's executable is, without ever triggering its download. */
export function locateElectronBinary(options?: LocateElectronOptions): ElectronBinary;

/** The executable for the app rooted at `appDir` (its node_modules/electron), or undefined. */
export function electronBinaryPath(appDir: string, env: NodeJS.ProcessEnv): string | undefined;

export function electronPackageDir(): string | undefined;

export function platformExecutable(platform: NodeJS.Platform): string | undefined;
