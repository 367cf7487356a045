import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Vendor } from '../../shared/callModel';
import { AppErrorSchema } from '../../shared/errors';
import type { CallTarget } from '../../shared/callModel';
import { startSandbox, type Sandbox } from '../../sandbox';
import { FAST_SANDBOX, settledSessions, startLiveCore, type LiveCore } from '../core/testing/liveCore';
import { httpStatus, jsonBody, objectWith, xmlBody } from './fuzzArbitraries';

/**
 * The emulator-facing side, end to end: each emulator answers a dial with an arbitrary body
 * (through the framework's fault injection), and the adapter, inside a real core, reports a
 * structured error (never INTERNAL), sends the dial exactly once, calls a 5xx an unknown
 * outcome, and the core keeps serving: a normal dial afterwards works.
 */

interface DialEndpoint {
  /** Regular expression of the call-creating request's path, and its method. */
  path: string;
  method: string;
  /**
   * The n-th distinct number to dial: each run dials a new one, since a second dial to the
   * same number moments later joins the first (one call per intent).
   */
  target(n: number): CallTarget;
  /** Bodies shaped like the vendor's own answers, and anything else. */
  bodies: fc.Arbitrary<string>;
}

const pad = (n: number): string => String(n % 10_000).padStart(4, '0');
const phone = (number: string): CallTarget => ({ kind: 'phone', input: number, number });

const ENDPOINTS: Record<Vendor, DialEndpoint> = {
  genesys: {
    path: '^/api/v2/me/devices/[^/]+/calls$',
    method: 'POST',
    target: (n) => phone(`50${pad(n)}`),
    bodies: jsonBody(objectWith(['statusCode', 'statusMessage', 'id', 'call'])),
  },
  huawei: {
    path: '^/agentgateway/resource/voicecall/[^/]+/callout$',
    method: 'PUT',
    target: (n) => phone(`70${pad(n)}`),
    bodies: jsonBody(objectWith(['retcode', 'message', 'msg', 'result', 'event'])),
  },
  vonage: {
    path: '^/v0/a1b2c3d4e5/calls/?$',
    method: 'POST',
    target: (n) => phone(`+44207206${pad(n)}`),
    bodies: jsonBody(objectWith(['id', 'status', 'result', 'message', 'links', 'recordingStatus'])),
  },
  iovox: {
    path: '^/Calling$',
    method: 'POST',
    target: (n) => phone(`+44978912${pad(n)}`),
    bodies: xmlBody,
  },
  oracle: {
    path: '^/call/2\\.0/367901/[^/]+$',
    method: 'POST',
    target: (n) => phone(`+1202634${pad(n)}`),
    bodies: jsonBody(objectWith(['sessionId', 'sessionid', 'callState', 'reason', 'message'])),
  },
};

/**
 * Final statuses only: a 1xx is informational, so the client rightly waits on for the real
 * answer, and a silent upstream is the timeout faults' business, as are 401 and 403, which
 * start a vendor's own re-authentication (issue 6, item 1).
 */
const statuses = httpStatus.filter((status) => status >= 200 && status !== 401 && status !== 403);

describe('arbitrary vendor answers to a dial, through a real core', () => {
  let live: LiveCore<Sandbox>;

  beforeAll(async () => {
    live = await startLiveCore(await startSandbox(FAST_SANDBOX));
    await settledSessions(live);
  });

  afterAll(async () => {
    await live.stop();
  });

  const profileOf = async (vendor: Vendor): Promise<string> => {
    const { profiles } = await live.bootstrap();
    const profile = profiles.find((candidate) => candidate.vendor === vendor);
    if (!profile) throw new Error(`no ${vendor} profile`);
    return profile.id;
  };

  it.each(Object.keys(ENDPOINTS) as Vendor[])('%s: a structured error for any answer, one request, and still working afterwards', async (vendor) => {
    const endpoint = ENDPOINTS[vendor];
    const server = live.sandbox.emulators[vendor].server;
    const profileId = await profileOf(vendor);
    const dials = () => server.log.list(endpoint.path).filter((request) => request.method === endpoint.method).length;
    let dialled = 0;
    const dial = () => live.core.dispatch('call.dial', { profileId, intentId: randomUUID(), target: endpoint.target((dialled += 1)) });

    await fc.assert(
      fc.asyncProperty(statuses, endpoint.bodies, fc.boolean(), async (status, body, truncate) => {
        server.faults.clear();
        server.faults.add({ path: endpoint.path, method: endpoint.method, action: 'respond', status, body, truncate });
        const before = dials();
        const outcome = await dial();
        expect(dials() - before).toBe(1);
        if (!outcome.ok) {
          expect(AppErrorSchema.safeParse(outcome.error).success).toBe(true);
          expect(outcome.error.code).not.toBe('INTERNAL');
        }
        if (status >= 500 && !truncate) expect(outcome).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
      }),
      { numRuns: 40 },
    );

    server.faults.clear();
    const { sessions } = await live.bootstrap();
    expect(sessions.find((session) => session.profileId === profileId)?.status).toBe('signed-in');
    const before = dials();
    const outcome = await dial();
    expect(outcome.ok, JSON.stringify(outcome)).toBe(true);
    expect(dials() - before).toBe(1);
  });
});
