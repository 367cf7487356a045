import { z } from 'zod';

/**
 * A minimal agent client for the emulator's own tests: real HTTP over loopback, the headers
 * the documentation prescribes, GUID taken from every `Set-GUID`. Deliberately separate from
 * the app's adapter (an emulator tested with its client's code would prove nothing).
 */

export const EnvelopeSchema = z.object({
  message: z.string(),
  retcode: z.string(),
  result: z.unknown().optional(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

export const WireEventSchema = z.object({ eventType: z.string(), workNo: z.string(), content: z.unknown() }).passthrough();
export type WireEvent = z.infer<typeof WireEventSchema>;

const PollBodySchema = z.object({ message: z.string(), retcode: z.string(), event: WireEventSchema.nullable().optional() });

export interface WireResponse {
  status: number;
  headers: Headers;
  text: string;
}

export const SANDBOX_SIGN_IN = { password: 'sandbox', status: '4', releasephone: 'true', agenttype: '4' };

/** Emulator timings small enough for tests; each test overrides what it exercises. */
export const FAST_TIMINGS = {
  pollHoldMs: 150,
  farEndAnswerDelayMs: 20,
  noAnswerDelayMs: 40,
  customerHangupDelayMs: 30,
  maxTimeMs: 60_000,
  guidIntervalMs: 60_000,
  guidTimeoutMs: 120_000,
} as const;

export class TestAgent {
  guid: string | undefined;
  cookie: string | undefined;
  readonly seenGuids: string[] = [];

  constructor(
    readonly baseUrl: string,
    readonly agentId: string,
  ) {}

  get resource(): string {
    return `${this.baseUrl}/agentgateway/resource`;
  }

  async signIn(body: Record<string, unknown> = { ...SANDBOX_SIGN_IN, phonenum: this.agentId }, force = false): Promise<Envelope> {
    const path = `/onlineagent/${this.agentId}${force ? '/forcelogin' : ''}`;
    return this.call('PUT', path, body);
  }

  /** Sends an operation and parses the envelope. */
  async call(method: string, path: string, body?: unknown): Promise<Envelope> {
    const response = await this.send(method, path, body);
    return EnvelopeSchema.parse(JSON.parse(response.text));
  }

  async send(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<WireResponse> {
    const response = await fetch(`${this.resource}${path}`, {
      method,
      headers: {
        'Content-Type': 'application/json; charset=UTF-8',
        ...(this.guid ? { Guid: this.guid } : {}),
        ...(this.cookie ? { Cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    this.absorb(response.headers);
    return { status: response.status, headers: response.headers, text };
  }

  /** One long poll: the event, `null` when the hold ended, or the failure envelope. */
  async poll(): Promise<{ retcode: string; message: string; event: WireEvent | null }> {
    const response = await this.send('GET', `/agentevent/${this.agentId}`);
    const body = PollBodySchema.parse(JSON.parse(response.text));
    return { retcode: body.retcode, message: body.message, event: body.event ?? null };
  }

  /** Polls until an event arrives (skipping `event: null`); fails on a non-zero retcode. */
  async nextEvent(deadlineMs = 10_000): Promise<WireEvent> {
    const deadline = Date.now() + deadlineMs;
    while (Date.now() < deadline) {
      const { retcode, message, event } = await this.poll();
      if (retcode !== '0') throw new Error(`poll answered ${retcode} ${message}`);
      if (event) return event;
    }
    throw new Error(`no event for ${this.agentId} within ${deadlineMs} ms`);
  }

  /** Every event up to and including the first of `eventType`. */
  async eventsUntil(eventType: string, deadlineMs = 10_000): Promise<WireEvent[]> {
    const events: WireEvent[] = [];
    const deadline = Date.now() + deadlineMs;
    for (;;) {
      const event = await this.nextEvent(Math.max(1, deadline - Date.now()));
      events.push(event);
      if (event.eventType === eventType) return events;
    }
  }

  private absorb(headers: Headers): void {
    const setGuid = headers.get('set-guid');
    if (setGuid?.startsWith('JSESSIONID=')) {
      this.guid = setGuid.slice('JSESSIONID='.length);
      this.seenGuids.push(this.guid);
    }
    const setCookie = headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0];
  }
}

export const typesOf = (events: WireEvent[]): string[] => events.map((event) => event.eventType);

/** Collects what the emulator emits, for "nothing was emitted" and count checks. */
export function recordEmissions(emulator: { onEmit(listener: (agentId: string, eventType: string) => void): () => void }) {
  const emitted: { agentId: string; eventType: string }[] = [];
  emulator.onEmit((agentId, eventType) => emitted.push({ agentId, eventType }));
  return emitted;
}

/** Waits for a condition that changes asynchronously (no timing assertion: a generous deadline). */
export async function eventually(check: () => boolean, deadlineMs = 10_000): Promise<void> {
  const deadline = Date.now() + deadlineMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
