import { mkdtempSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SoftphoneCore } from '../core/softphoneCore';
import { startShellServer, type ShellServer } from './shellServer';

/**
 * The browser shell carries the whole contract (dial, sign in) to whoever connects, so it
 * must listen on 127.0.0.1 only: every other address of this machine, where another computer
 * could reach it, refuses the connection outright.
 */

const silent = { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined };
const idleCore: SoftphoneCore = {
  dispatch: async () => ({ ok: true, value: {} }),
  onEvent: () => () => undefined,
  resume: () => undefined,
  dispose: async () => undefined,
};

/** Whether a TCP connection to host:port is accepted; refusals, unreachable hosts and a silent host all count as no. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2_000 });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('error', () => resolve(false));
  });
}

/** Every address of this machine except 127.0.0.1 (link-local IPv6 with its interface), plus another loopback address. */
function otherAddresses(): string[] {
  const own = Object.entries(networkInterfaces()).flatMap(([name, addresses]) =>
    (addresses ?? []).map((address) => (address.family === 'IPv6' && address.address.startsWith('fe80:') ? `${address.address}%${name}` : address.address)),
  );
  return [...new Set([...own, '::1', '127.0.0.2'])].filter((address) => address !== '127.0.0.1');
}

describe('browser shell: loopback only', () => {
  let server: ShellServer;
  let port: number;

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'softphone-renderer-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
    server = await startShellServer({ core: idleCore, rendererDir: dir, log: silent });
    port = Number(new URL(server.origin).port);
  });
  afterAll(() => server.close());

  it('listens on 127.0.0.1 and says so', async () => {
    expect(new URL(server.origin).hostname).toBe('127.0.0.1');
    expect(await accepts('127.0.0.1', port)).toBe(true);
  });

  it.each(otherAddresses())('refuses connections on %s', async (address) => {
    expect(await accepts(address, port)).toBe(false);
  });
});
