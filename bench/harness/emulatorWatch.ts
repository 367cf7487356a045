import type { EmulatorServer } from '../../sandbox/framework/emulatorServer';
import type { LoggedRequest } from '../../sandbox/framework/requestLog';

/** Settles with the first request the emulator receives from now on that `matches`. */
export function nextRequest(server: EmulatorServer, matches: (entry: LoggedRequest) => boolean, timeoutMs: number, what: string): Promise<LoggedRequest> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      unsubscribe();
      reject(new Error(`${server.name} received no ${what} within ${timeoutMs} ms`));
    }, timeoutMs);
    const unsubscribe = server.log.onRecord((entry) => {
      if (!matches(entry)) return;
      clearTimeout(timer);
      unsubscribe();
      resolve(entry);
    });
  });
}

/** Polls `condition` every few milliseconds until it holds. */
export async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
