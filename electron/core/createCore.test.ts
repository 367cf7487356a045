import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallRecord } from '../../shared/callModel';
import type { AppEvent } from '../../shared/ipc/contract';
import { startSandbox, type Sandbox } from '../../sandbox';
import { sandboxConfig } from './config/sandboxConfig';
import { createCore } from './createCore';
import { createLogger } from './log/logger';
import { createAesGcmFileCipher } from './secrets/aesGcmFileCipher';
import type { SoftphoneCore } from './softphoneCore';

const fast = { publishDelayMs: { min: 0, max: 5 }, answerDelayMs: 100, cometdTimeoutMs: 2_000 };

describe('core against the sandbox emulators (Genesys)', () => {
  let sandbox: Sandbox;
  let core: SoftphoneCore;
  let events: AppEvent[];

  beforeEach(async () => {
    sandbox = await startSandbox({ genesys: fast });
    const { config, ephemeralSecrets } = sandboxConfig(sandbox.urls);
    const dataDir = mkdtempSync(join(tmpdir(), 'softphone-core-'));
    core = await createCore({
      config: { ...config, profiles: config.profiles.filter((p) => p.vendor === 'genesys') },
      sandbox: true,
      dataDir,
      cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')),
      log: createLogger(),
      ephemeralSecrets,
    });
    events = [];
    core.onEvent((event) => events.push(event));
  });

  afterEach(async () => {
    await core.dispose();
    await sandbox.stop();
  });

  const dialRequest = (intentId: string, number = '5001') => ({
    profileId: 'genesys',
    intentId,
    target: { kind: 'phone' as const, input: number, number },
  });
  const dials = () => sandbox.emulators.genesys.server.log.list('/api/v2/me/devices/.*/calls').filter((r) => r.method === 'POST');
  const latest = (callId: string): CallRecord | undefined =>
    events.flatMap((e) => (e.type === 'call.updated' && e.call.id === callId ? [e.call] : [])).at(-1);

  it('places a call, follows it live and hangs it up', async () => {
    const outcome = await core.dispatch('call.dial', dialRequest(randomUUID()));
    expect(outcome.ok).toBe(true);
    const callId = outcome.ok ? (outcome.value as { callId: string }).callId : '';
    await expect.poll(() => latest(callId)?.state, { timeout: 10_000 }).toBe('connected');
    expect(await core.dispatch('call.hangup', { callId })).toEqual({ ok: true, value: {} });
    await expect.poll(() => latest(callId)?.state, { timeout: 10_000 }).toBe('ended');
    expect(latest(callId)?.timeline.map((t) => t.rawState)).toEqual(['requested', 'Dialing', 'Established', 'Released']);
  });

  it('places one call per intent: a repeated intent and a concurrent same-target intent join the first', async () => {
    const intent = randomUUID();
    const outcomes = await Promise.all([
      core.dispatch('call.dial', dialRequest(intent)),
      core.dispatch('call.dial', dialRequest(intent)),
      core.dispatch('call.dial', dialRequest(randomUUID())),
    ]);
    const ids = outcomes.map((o) => (o.ok ? (o.value as { callId: string }).callId : o.error.code));
    expect(new Set(ids).size).toBe(1);
    expect(await core.dispatch('call.dial', dialRequest(intent))).toEqual(outcomes[0]);
    expect(dials()).toHaveLength(1);
  });

  it('marks a dial whose answer never came as outcome unknown and does not retry it', async () => {
    sandbox.emulators.genesys.server.faults.add({ path: '/api/v2/me/devices/.*/calls', method: 'POST', status: 503, body: 'upstream down' });
    const outcome = await core.dispatch('call.dial', dialRequest(randomUUID(), '5003'));
    expect(outcome).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
    expect(dials()).toHaveLength(1);
    const updates = events.flatMap((e) => (e.type === 'call.updated' && e.call.target.kind === 'phone' && e.call.target.number === '5003' ? [e.call] : []));
    expect(updates.at(-1)?.state).toBe('unknown');
    expect(updates.at(-1)?.failure?.message).toContain('upstream down');
  });

  it('refuses what the vendor cannot do before anything is sent, and leaves no call behind', async () => {
    const outcome = await core.dispatch('call.dial', { ...dialRequest(randomUUID()), target: { kind: 'agent', agentId: '4567' } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });
    expect(dials()).toHaveLength(0);
    expect(events.filter((e) => e.type === 'call.updated')).toHaveLength(0);
  });

  it('answers actions a call cannot take now with the reason', async () => {
    const outcome = await core.dispatch('call.dial', dialRequest(randomUUID(), '5008'));
    const callId = outcome.ok ? (outcome.value as { callId: string }).callId : '';
    await expect.poll(() => latest(callId)?.state, { timeout: 10_000 }).toBe('dialing');
    expect(await core.dispatch('call.hold', { callId })).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED', message: 'Holding is not possible while the call is dialing.' } });
    expect(await core.dispatch('call.hangup', { callId: 'no-such-call' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });
});
