import type { IncomingHttpHeaders } from 'node:http';
import { Agent, request } from 'undici';
import type { EmulatorServer } from '../../sandbox/framework/emulatorServer';
import type { LoggedRequest } from '../../sandbox/framework/requestLog';
import { benchNow } from './clock';
import { nextRequest } from './emulatorWatch';

/** Headers that carry credentials (the baseline must not place a call) or that the client sets itself. */
const DROPPED_HEADERS = new Set(['authorization', 'cookie', 'guid', 'securekey', 'username', 'x-csrf-token', 'host', 'content-length', 'connection', 'keep-alive', 'transfer-encoding']);
const MARKER = 'x-bench-baseline';

/** The app's request headers, minus credentials and what the HTTP client sets itself, plus a marker. */
export function baselineHeaders(headers: IncomingHttpHeaders, marker: string): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (DROPPED_HEADERS.has(name.toLowerCase()) || value === undefined) continue;
    kept[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  kept[MARKER] = marker;
  return kept;
}

/**
 * The baseline of the dial overhead: the request the app sent, sent again straight from Node
 * (same method, path, query and body; headers without credentials) to the same emulator,
 * over a keep-alive connection as the app's HTTP client uses. Timed from just before it is
 * sent to the emulator's own arrival stamp, on the same clock. Without credentials the
 * emulator refuses it, so it places no call; the arrival stamp is taken before any check.
 */
export class BaselineSender {
  private readonly agent = new Agent({ keepAliveTimeout: 60_000, connections: 1 });
  private sequence = 0;

  constructor(
    private readonly server: EmulatorServer,
    private readonly baseUrl: string,
  ) {}

  async measure(template: LoggedRequest): Promise<number> {
    const marker = `baseline-${(this.sequence += 1)}`;
    const arrival = nextRequest(this.server, (entry) => entry.headers[MARKER] === marker, 10_000, 'baseline request');
    const hasBody = template.method !== 'GET' && template.method !== 'HEAD';
    const sentAt = benchNow();
    const response = await request(`${this.baseUrl}${template.path}${template.query}`, {
      method: template.method as 'POST',
      headers: baselineHeaders(template.headers, marker),
      ...(hasBody ? { body: template.body } : {}),
      dispatcher: this.agent,
    });
    await response.body.text();
    return (await arrival).at - sentAt;
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
