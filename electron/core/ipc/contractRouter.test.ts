import fc from 'fast-check';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS, CONTRACT, type Channel } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/errors';
import { createContractRouter, type Handlers } from './contractRouter';

const silent = { debug: vi.fn(), info: vi.fn(), warn: vi.fn(), error: vi.fn() };

function recordingHandlers() {
  const calls: Channel[] = [];
  const handlers = Object.fromEntries(
    CHANNELS.map((channel) => [
      channel,
      async () => {
        calls.push(channel);
        throw new AppError({ code: 'INTERNAL', message: 'handler should not run' });
      },
    ]),
  ) as unknown as Handlers;
  return { handlers, calls };
}

const MALFORMED: unknown[] = [undefined, null, 42, 'text', [], { unexpected: true }, { profileId: 7 }, { callId: '' }];

describe('contract router', () => {
  it.each(CHANNELS.flatMap((channel) => MALFORMED.map((payload) => [channel, payload] as const)))(
    '%s rejects %j with a structured error before any handler runs',
    async (channel, payload) => {
      const { handlers, calls } = recordingHandlers();
      const dispatch = createContractRouter(handlers, silent);
      const outcome = await dispatch(channel, payload);
      expect(CONTRACT[channel].request.safeParse(payload).success).toBe(false);
      expect(outcome).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
      expect(calls).toEqual([]);
    },
  );

  it('refuses channels outside the contract', async () => {
    const { handlers, calls } = recordingHandlers();
    const dispatch = createContractRouter(handlers, silent);
    for (const channel of ['call.delete', '__proto__', 'constructor', '', 12, null]) {
      expect(await dispatch(channel, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
    expect(calls).toEqual([]);
  });

  it('never throws, whatever arrives', async () => {
    const { handlers } = recordingHandlers();
    const dispatch = createContractRouter(handlers, silent);
    await fc.assert(
      fc.asyncProperty(fc.oneof(fc.constantFrom(...CHANNELS), fc.string()), fc.anything(), async (channel, payload) => {
        const outcome = await dispatch(channel, payload);
        expect(typeof outcome.ok).toBe('boolean');
      }),
      { numRuns: 300 },
    );
  });

  it('strips fields outside the response schema, so nothing extra leaves main', async () => {
    const handlers = {
      ...recordingHandlers().handlers,
      'session.signIn': async () => ({ profileId: 'p', status: 'signed-in', password: 'leak' }),
    } as unknown as Handlers;
    const dispatch = createContractRouter(handlers, silent);
    const outcome = await dispatch('session.signIn', { profileId: 'p' });
    expect(outcome).toEqual({ ok: true, value: { profileId: 'p', status: 'signed-in' } });
  });

  it('turns unexpected handler failures into an INTERNAL error without details', async () => {
    const handlers = { ...recordingHandlers().handlers, 'call.hangup': async () => { throw new TypeError('boom at /home/x'); } } as unknown as Handlers;
    const dispatch = createContractRouter(handlers, silent);
    const outcome = await dispatch('call.hangup', { callId: 'c1' });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(outcome)).not.toContain('/home/x');
  });
});
