import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isFinalState, type CallRecord } from '../../../shared/callModel';
import type { AppEvent } from '../../../shared/ipc/contract';
import { normalizeNumber } from '../../../shared/phoneNumber';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { sandboxConfig } from '../config/sandboxConfig';
import { createCore } from '../createCore';
import { createLogger } from '../log/logger';
import { createAesGcmFileCipher } from '../secrets/aesGcmFileCipher';
import type { SoftphoneCore } from '../softphoneCore';

/**
 * The number a call record keeps is the one the softphone resolved (E.164); each vendor gets
 * it in its own wire format (capabilities.numberFormat), written for the default country (GB).
 */
describe('numbers on the wire, per vendor', () => {
  let sandbox: Sandbox;
  let core: SoftphoneCore;
  const events: AppEvent[] = [];

  beforeAll(async () => {
    sandbox = await startSandbox({ huawei: { pollHoldMs: 300, farEndAnswerDelayMs: 50, agentAnswerDelayMs: 20 }, genesys: { publishDelayMs: { min: 0, max: 5 }, answerDelayMs: 100, cometdTimeoutMs: 2_000 } });
    const { config, ephemeralSecrets } = sandboxConfig(sandbox.urls);
    const dataDir = mkdtempSync(join(tmpdir(), 'softphone-wire-'));
    core = await createCore({ config, sandbox: true, dataDir, cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')), log: createLogger(), ephemeralSecrets, signInAtStart: false, env: {} });
    core.onEvent((event) => events.push(event));
  });
  afterAll(async () => {
    await core.dispose();
    await sandbox.stop();
  });

  const dial = async (profileId: string, input: string): Promise<CallRecord | undefined> => {
    const number = normalizeNumber(input, 'GB').number;
    const outcome = await core.dispatch('call.dial', { profileId, intentId: randomUUID(), target: { kind: 'phone', input, number } });
    if (!outcome.ok) throw new Error(`${profileId}: ${outcome.error.message}`);
    const { callId } = outcome.value as { callId: string };
    const latest = () => events.flatMap((e) => (e.type === 'call.updated' && e.call.id === callId ? [e.call] : [])).at(-1);
    // The next dial on the same agent needs this call gone: hang up once it can be, then wait for its end.
    await expect.poll(() => latest()?.actions.includes('hangup') || isFinalState(latest()?.state ?? 'requested'), { timeout: 10_000 }).toBe(true);
    if (!isFinalState(latest()?.state ?? 'requested')) await core.dispatch('call.hangup', { callId });
    await expect.poll(() => isFinalState(latest()?.state ?? 'requested'), { timeout: 10_000 }).toBe(true);
    return latest();
  };
  const lastBody = (vendor: 'huawei' | 'genesys' | 'vonage', path: string): unknown => JSON.parse(sandbox.emulators[vendor].server.log.list(path).filter((r) => r.method !== 'GET').at(-1)?.body ?? '{}');

  it('Huawei (national digits): a London number as 020…, the record keeps E.164', async () => {
    const call = await dial('huawei', '+44 20 7206 8888');
    expect(lastBody('huawei', '/voicecall/40038/callout')).toMatchObject({ called: '02072068888' });
    expect(call?.target).toMatchObject({ number: '+442072068888' });
  });

  it('Huawei (national digits): a foreign number with the GB international prefix', async () => {
    await dial('huawei', '+1 213 373 4253');
    expect(lastBody('huawei', '/voicecall/40038/callout')).toMatchObject({ called: '0012133734253' });
  });

  it('Genesys (as dialled): the digits the agent typed, for the switch’s dial plan', async () => {
    await dial('genesys', '020 7206 8888');
    expect(lastBody('genesys', '/api/v2/me/devices/.*/calls')).toMatchObject({ destination: { phoneNumber: '02072068888' } });
  });

  it('Oracle (E.164 digits): the number in the path, without "+"', async () => {
    await dial('oracle', '020 7206 8888');
    expect(sandbox.emulators.oracle.server.log.list('^/call/2\\.0/367901/').filter((r) => r.method === 'POST').map((r) => r.path)).toEqual(['/call/2.0/367901/442072068888']);
  });
});
