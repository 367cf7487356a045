// What `npm start` runs: the Electron app where its binary exists, the browser shell otherwise.
import { join } from 'node:path';

export const SHELL_FALLBACK_NOTICE =
  "Electron's binary is not installed on this machine; starting the browser shell instead.";

/** @typedef {import('./launchPlan.d.mts').LaunchPlan} LaunchPlan */
/** @typedef {import('./launchPlan.d.mts').LaunchInputs} LaunchInputs */

/**
 * @param {LaunchInputs} inputs
 * @returns {LaunchPlan}
 */
export function planLaunch({ binary, args, appDir, nodePath, env }) {
  if (binary.found) {
    // Inherited from a parent Node tool, this variable would turn Electron into plain Node.
    const electronEnv = { ...env };
    delete electronEnv.ELECTRON_RUN_AS_NODE;
    return {
      command: binary.path,
      args: [appDir, ...args],
      env: electronEnv,
      entry: join(appDir, 'out', 'main', 'index.js'),
      notice: undefined,
    };
  }
  const entry = join(appDir, 'out', 'main', 'shell.js');
  return { command: nodePath, args: [entry, ...args], env, entry, notice: SHELL_FALLBACK_NOTICE };
}

/**
 * The exit code a shell would report for a child that ended with `code` or was killed by `signal`.
 * @param {number | null} code
 * @param {NodeJS.Signals | null} signal
 * @param {Record<string, number>} signalNumbers
 * @returns {number}
 */
export function exitCodeOf(code, signal, signalNumbers) {
  if (code !== null) return code;
  const number = signal === null ? undefined : signalNumbers[signal];
  return number === undefined ? 1 : 128 + number;
}
