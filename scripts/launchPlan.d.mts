import type { ElectronBinary } from './electronBinary.mjs';

export const SHELL_FALLBACK_NOTICE: string;

export interface LaunchInputs {
  binary: ElectronBinary;
  /** The user's arguments (`--config PATH`, `--port P`, ...), passed through unchanged. */
  args: string[];
  /** The repository root: package.json's `main` points Electron at out/main/index.js. */
  appDir: string;
  /** The Node executable that runs the browser shell. */
  nodePath: string;
  env: NodeJS.ProcessEnv;
}

export interface LaunchPlan {
  command: string;
  args: string[];
  env: NodeJS.ProcessEnv;
  /** The built entry point that must exist before launching. */
  entry: string;
  /** One line for the user, or undefined when nothing needs saying. */
  notice: string | undefined;
}

export function planLaunch(inputs: LaunchInputs): LaunchPlan;

export function exitCodeOf(code: number | null, signal: NodeJS.Signals | null, signalNumbers: Record<string, number>): number;
