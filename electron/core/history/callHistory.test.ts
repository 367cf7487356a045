import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../shared/callModel';
import { redialDialRequest, type HistoryEntry, type HistoryPage } from '../../../shared/history';
import type { AppEvent, DialRequest } from '../../../shared/ipc/contract';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { sandboxConfig } from '../config/sandboxConfig';
import { createCore } from '../createCore';
import { createLogger } from '../log/logger';
import { createAesGcmFileCipher } from '../secrets/aesGcmFileCipher';
import type { SoftphoneCore } from '../softphoneCore';

const fast = { publishDelayMs: { min: 0, max: 5 }, answerDelayMs: 100, cometdTimeoutMs: 2_000 };

describe('call history in the core (Genesys sandbox)', () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ genesys: fast });
  });
  afterAll(async () => {
    await sandbox.stop();
  });

  async function startCore(dataDir: string): Promise<{ core: SoftphoneCore; events: AppEvent[] }> {
    const { config, ephemeralSecrets } = sandboxConfig(sandbox.urls);
    const core = await createCore({
      config: { ...config, profiles: config.profiles.filter((p) => p.vendor === 'genesys') },
      sandbox: true,
      dataDir,
      cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')),
      log: createLogger(),
      ephemeralSecrets,
    });
    const events: AppEvent[] = [];
    core.onEvent((event) => events.push(event));
    return { core, events };
  }

  const latest = (events: AppEvent[], callId: string): CallRecord | undefined =>
    events.flatMap((e) => (e.type === 'call.updated' && e.call.id === callId ? [e.call] : [])).at(-1);
  const dials = () => sandbox.emulators.genesys.server.log.list('/api/v2/me/devices/.*/calls').filter((r) => r.method === 'POST');
  const list = async (core: SoftphoneCore, query?: string): Promise<HistoryPage> => {
    const outcome = await core.dispatch('history.list', query ? { query } : {});
    if (!outcome.ok) throw new Error(outcome.error.message);
    return outcome.value as HistoryPage;
  };

  it('records an ended call with the request that placed it, and after a restart redials it as one new call', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'softphone-history-core-'));
    const before = dials().length;
    const first = await startCore(dataDir);
    const request: DialRequest = {
      profileId: 'genesys',
      intentId: randomUUID(),
      target: { kind: 'phone', input: '5001', number: '5001' },
      from: { presentedCli: '+441632960001' },
      options: { vendor: 'genesys', userData: { caseId: 'C-42' } },
    };
    const dialled = await first.core.dispatch('call.dial', request);
    const callId = dialled.ok ? (dialled.value as { callId: string }).callId : '';
    await expect.poll(() => latest(first.events, callId)?.state, { timeout: 10_000 }).toBe('connected');
    expect((await list(first.core)).total).toBe(0);
    await first.core.dispatch('call.hangup', { callId });
    await expect.poll(() => latest(first.events, callId)?.state, { timeout: 10_000 }).toBe('ended');

    const appended = first.events.flatMap((e) => (e.type === 'history.appended' ? [e.entry] : []));
    expect(appended.map((e) => e.call.id)).toEqual([callId]);
    const [entry] = (await list(first.core)).entries;
    expect(entry).toMatchObject({
      recordedWhen: 'final',
      profileLabel: 'Genesys (sandbox)',
      call: { id: callId, state: 'ended' },
      redial: { profileId: 'genesys', target: request.target, from: request.from, options: request.options },
    });
    expect(entry?.call.timeline.map((t) => t.rawState)).toEqual(['requested', 'Dialing', 'Established', 'Released']);
    await first.core.dispose();

    const second = await startCore(dataDir);
    const reloaded = await list(second.core, '5001 ended');
    expect(reloaded.entries).toEqual([entry]);
    const redial = redialDialRequest((entry as HistoryEntry).redial!, randomUUID());
    const again = await second.core.dispatch('call.dial', redial);
    expect(again.ok).toBe(true);
    expect(await second.core.dispatch('call.dial', redial)).toEqual(again);

    const sent = dials().slice(before);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.body).toBe(sent[0]?.body);
    const newId = again.ok ? (again.value as { callId: string }).callId : '';
    await expect.poll(() => latest(second.events, newId)?.state, { timeout: 10_000 }).toBe('connected');
    await second.core.dispatch('call.hangup', { callId: newId });
    await expect.poll(() => latest(second.events, newId)?.state, { timeout: 10_000 }).toBe('ended');
    await second.core.dispose();
    expect(readFileSync(join(dataDir, 'history.jsonl'), 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('writes a call whose outcome is unknown at shutdown, as it stands, and nothing for a dial refused before sending', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'softphone-history-core-'));
    const { core } = await startCore(dataDir);
    const refused = await core.dispatch('call.dial', { profileId: 'genesys', intentId: randomUUID(), target: { kind: 'agent', agentId: '4567' } });
    expect(refused).toMatchObject({ ok: false, error: { code: 'NOT_SUPPORTED' } });

    sandbox.emulators.genesys.server.faults.add({ path: '/api/v2/me/devices/.*/calls', method: 'POST', status: 503, body: 'upstream down' });
    const outcome = await core.dispatch('call.dial', { profileId: 'genesys', intentId: randomUUID(), target: { kind: 'phone', input: '5003', number: '5003' } });
    expect(outcome).toMatchObject({ ok: false, error: { code: 'OUTCOME_UNKNOWN' } });
    expect((await list(core)).total).toBe(0);
    await core.dispose();

    const reopened = await startCore(dataDir);
    const page = await list(reopened.core);
    expect(page.total).toBe(1);
    expect(page.entries[0]).toMatchObject({ recordedWhen: 'shutdown', call: { state: 'unknown', failure: { message: expect.stringContaining('upstream down') } } });
    expect((await list(reopened.core, 'outcome unknown')).total).toBe(1);
    await reopened.core.dispose();
  });
});
