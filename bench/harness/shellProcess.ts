import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

export interface ShellLaunch {
  root: string;
  dataDir: string;
  port: number;
  /** Sandbox mode (the shell's own emulators) when absent. */
  configFile?: string;
  env?: Record<string, string>;
}

export interface ShellProcess {
  pid: number;
  url: string;
  /** Resident set size of the shell process now, MB (VmRSS), and its peak (VmHWM). */
  memory(): { rssMB: number; peakMB: number };
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 30_000;

/** VmRSS / VmHWM of a Linux process, MB. */
export function readProcessMemory(pid: number): { rssMB: number; peakMB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kilobytes = (field: string): number => {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status);
    if (!match) throw new Error(`/proc/${pid}/status has no ${field}`);
    return Number(match[1]);
  };
  return { rssMB: kilobytes('VmRSS') / 1024, peakMB: kilobytes('VmHWM') / 1024 };
}

function waitForExit(child: ChildProcess, ms: number): Promise<boolean> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/**
 * `node out/main/shell.js`: resolves once it printed its URL and its configuration line (the
 * two lines DESIGN §7 promises), with the process id for memory readings.
 */
export function launchShell(launch: ShellLaunch): Promise<ShellProcess> {
  const args = ['out/main/shell.js', '--port', String(launch.port), '--data-dir', launch.dataDir];
  if (launch.configFile) args.push('--config', launch.configFile);
  const child = spawn(process.execPath, args, { cwd: launch.root, env: { ...process.env, ...launch.env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const stderr: string[] = [];
  child.stderr?.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));

  const stop = async (): Promise<void> => {
    child.kill('SIGTERM');
    if (!(await waitForExit(child, 5_000))) {
      child.kill('SIGKILL');
      await waitForExit(child, 5_000);
    }
  };

  return new Promise((resolve, reject) => {
    let url: string | undefined;
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the shell printed no ready line within ${READY_TIMEOUT_MS} ms: ${stderr.join('')}`));
    }, READY_TIMEOUT_MS);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the shell exited with ${code} before it was ready: ${stderr.join('').trim()}`));
    });
    const lines = createInterface({ input: child.stdout! });
    lines.on('line', (line) => {
      const ready = /Softphone ready at (\S+)/.exec(line);
      if (ready) url = ready[1];
      if (url && (line.startsWith('Configuration:') || line.startsWith('Sandbox mode'))) {
        clearTimeout(timer);
        const pid = child.pid;
        if (pid === undefined) throw new Error('the shell has no process id');
        resolve({ pid, url, memory: () => readProcessMemory(pid), stop });
      }
    });
  });
}
