import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Vendor } from '../../shared/callModel';
import type { SandboxOptions } from '../../sandbox';
import { ChildMessageSchema, ReportSchema, type Command, type Report } from './protocol';

export interface SandboxLink {
  urls: Record<Vendor, string>;
  send(command: Command): Promise<unknown>;
  report(): Promise<Report>;
  /** Ends the child (it stops the emulators when the IPC channel closes). */
  stop(): Promise<void>;
}

const HOST = fileURLToPath(new URL('./sandboxHost.ts', import.meta.url));

/** Starts the emulators in a child process and talks to it over IPC. */
export async function startSandboxProcess(options: SandboxOptions): Promise<SandboxLink> {
  const child: ChildProcess = fork(HOST, [], {
    execArgv: ['--import', 'tsx'],
    env: { ...process.env, SOAK_SANDBOX_OPTIONS: JSON.stringify(options) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve: (value: unknown) => void; reject: (error: Error) => void }>();
  let nextId = 1;
  const urls = await new Promise<Record<Vendor, string>>((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`the sandbox process exited with ${code} before it was ready`)));
    child.on('message', (raw) => {
      const message = ChildMessageSchema.safeParse(raw);
      if (!message.success) return;
      if (message.data.type === 'ready') {
        resolve(message.data.urls as Record<Vendor, string>);
        return;
      }
      const waiter = pending.get(message.data.id);
      pending.delete(message.data.id);
      if (message.data.ok) waiter?.resolve(message.data.result);
      else waiter?.reject(new Error(message.data.error ?? 'the sandbox process refused a command'));
    });
  });
  const send = (command: Command): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      child.send({ id, command });
    });
  return {
    urls,
    send,
    report: async () => ReportSchema.parse(await send({ op: 'report' })),
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.disconnect();
      await exited;
    },
  };
}
