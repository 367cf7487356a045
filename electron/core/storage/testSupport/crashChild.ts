import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface KilledRun {
  /** Every line the child printed before it died: what it had made durable. */
  acknowledged: string[];
  signal: NodeJS.Signals | null;
}

/**
 * Runs `script` (TypeScript, through tsx) in a child process, lets it print `minLines`
 * acknowledgements, then SIGKILLs it after `delayMs` more: a crash at a moment the child
 * does not choose, with no chance to clean up.
 */
export async function runAndKill(script: URL, args: readonly string[], options: { minLines: number; delayMs: number }): Promise<KilledRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(script), ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  const acknowledged: string[] = [];
  const errors: string[] = [];
  child.stderr.on('data', (chunk: Buffer) => errors.push(chunk.toString()));
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.once('exit', (_code, signal) => resolve(signal)));
  let killTimer: NodeJS.Timeout | undefined;
  const lines = createInterface({ input: child.stdout });
  // Every line the child got out before dying counts, so read to the end of its output.
  const drained = new Promise<void>((resolve) => lines.once('close', resolve));
  lines.on('line', (line) => {
    acknowledged.push(line);
    if (acknowledged.length === options.minLines) killTimer = setTimeout(() => child.kill('SIGKILL'), options.delayMs);
  });
  const [signal] = await Promise.all([exited, drained]);
  clearTimeout(killTimer);
  if (signal !== 'SIGKILL') throw new Error(`the child ended on its own (${signal ?? 'exit'}): ${errors.join('')}`);
  return { acknowledged, signal };
}
