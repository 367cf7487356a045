import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppEvent } from '../../../shared/ipc/contract';
import type { LinkOpenResult } from '../../../shared/links';
import { startSandbox, type Sandbox } from '../../../sandbox';
import { sandboxConfig } from '../config/sandboxConfig';
import { createCore } from '../createCore';
import { createLogger } from '../log/logger';
import { createAesGcmFileCipher } from '../secrets/aesGcmFileCipher';
import type { SoftphoneCore } from '../softphoneCore';
import { linksInArguments } from './linkArguments';
import { LinkInbox } from './linkInbox';

const START_PATH = '^/call/2\\.0/367901/';

describe('links through the core, against the Oracle and Genesys emulators', () => {
  let sandbox: Sandbox;
  let dataDir: string;
  let core: SoftphoneCore;
  let events: AppEvent[];

  const startCore = async (): Promise<SoftphoneCore> => {
    const { config, ephemeralSecrets } = sandboxConfig(sandbox.urls);
    const started = await createCore({
      config: { ...config, profiles: config.profiles.filter((p) => p.vendor === 'oracle' || p.vendor === 'genesys') },
      sandbox: true,
      dataDir,
      cipher: createAesGcmFileCipher(join(dataDir, 'secret.key')),
      log: createLogger(),
      ephemeralSecrets,
      signInAtStart: false,
      env: {},
    });
    started.onEvent((event) => events.push(event));
    return started;
  };

  beforeEach(async () => {
    sandbox = await startSandbox({ genesys: { publishDelayMs: { min: 0, max: 5 }, answerDelayMs: 100, cometdTimeoutMs: 2_000 } });
    dataDir = mkdtempSync(join(tmpdir(), 'softphone-links-'));
    events = [];
    core = await startCore();
  });

  afterEach(async () => {
    await core.dispose();
    await sandbox.stop();
  });

  const open = async (uri: string): Promise<LinkOpenResult> => {
    const outcome = await core.dispatch('link.open', { uri });
    if (!outcome.ok) throw new Error(`link.open failed: ${outcome.error.message}`);
    return outcome.value as LinkOpenResult;
  };
  const oracleStarts = () => sandbox.emulators.oracle.server.log.list(START_PATH).filter((r) => r.method === 'POST');
  const anyVendorRequest = () => [...sandbox.emulators.oracle.server.log.list(), ...sandbox.emulators.genesys.server.log.list()];
  const ofType = <T extends AppEvent['type']>(type: T) => events.filter((e): e is Extract<AppEvent, { type: T }> => e.type === type);
  const dialAtOnce = async (profileId = 'oracle') => expect(await core.dispatch('link.setSettings', { autoDial: true, profileId })).toMatchObject({ ok: true });

  it('asks first by default: the dialer is filled with the number and its extension, and nothing is dialled', async () => {
    expect(await open('tel:+1-213-373-4253;ext=12')).toEqual({ outcome: 'prefilled' });
    expect(ofType('dial.prefill')).toEqual([{ type: 'dial.prefill', number: '+12133734253', postDial: ',12' }]);
    expect(anyVendorRequest()).toHaveLength(0);
  });

  it.each([
    ['sip:alice@example.com', '"sip:" links are not phone links; only tel: and callto: links are dialled.'],
    ['tel:+', 'The number "+" has no digits after the "+".'],
    ['tel:+1-800-FLOWERS', 'The number "+1-800-FLOWERS" contains "F", which is not a digit.'],
  ])('refuses %j with its reason, shown to the user, even when links are dialled at once', async (uri, reason) => {
    await dialAtOnce();
    expect(await open(uri)).toEqual({ outcome: 'rejected', reason });
    expect(ofType('notice')).toEqual([{ type: 'notice', level: 'warning', message: `This link was not dialled: ${reason}` }]);
    expect(ofType('dial.prefill')).toHaveLength(0);
    expect(anyVendorRequest()).toHaveLength(0);
  });

  it('dials at once when the user chose that: tel:+1-213-373-4253 calls +12133734253, not +1', async () => {
    await dialAtOnce();
    const result = await open('tel:+1-213-373-4253');
    expect(result).toMatchObject({ outcome: 'dialled' });
    const starts = oracleStarts();
    expect(starts.map((r) => r.path)).toEqual(['/call/2.0/367901/12133734253']);
    const call = ofType('call.updated').find((e) => e.call.id === (result as { callId: string }).callId)?.call;
    expect(call?.target).toEqual({ kind: 'phone', input: '+12133734253', number: '+12133734253' });
  });

  it('reads a local number in a link with the default country (GB) and sends the extension as post-dial digits', async () => {
    await dialAtOnce();
    expect(await open('tel:020-7206-8888;ext=123')).toMatchObject({ outcome: 'dialled' });
    const [start] = oracleStarts();
    expect(start?.path).toBe('/call/2.0/367901/442072068888');
    expect(JSON.parse(start?.body ?? '{}')).toMatchObject({ userExtension: ',123' });
  });

  it('places one call when the same link is opened five times while its dial is in flight', async () => {
    await dialAtOnce();
    sandbox.emulators.oracle.server.faults.add({ path: START_PATH, method: 'POST', action: 'delay', delayMs: 400 });
    const results = await Promise.all(Array.from({ length: 5 }, () => open('tel:+44-20-7206-8888')));
    const callIds = new Set(results.map((r) => (r.outcome === 'dialled' ? r.callId : r.outcome)));
    expect(callIds.size).toBe(1);
    expect([...callIds][0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(oracleStarts()).toHaveLength(1);
  });

  it('says why a link could not be dialled at once when the vendor check refuses it, fills the dialer, and sends nothing', async () => {
    await dialAtOnce();
    const result = await open('tel:7042;phone-context=example.com');
    expect(result).toEqual({ outcome: 'refused', reason: 'Oracle cannot call "7042": it needs a number in E.164 format, country code first, 8 to 15 digits.' });
    expect(ofType('notice').map((e) => e.message)).toEqual([
      'The link to 7042 was not dialled: Oracle cannot call "7042": it needs a number in E.164 format, country code first, 8 to 15 digits. Enter the number with its country code, e.g. +1 202 634 5789.',
    ]);
    expect(ofType('dial.prefill')).toEqual([{ type: 'dial.prefill', number: '7042' }]);
    expect(oracleStarts()).toHaveLength(0);
  });

  it('keeps "dial links at once" across a restart, and can turn it off again', async () => {
    await dialAtOnce();
    await core.dispose();
    core = await startCore();
    expect(await core.dispatch('link.getSettings', {})).toEqual({ ok: true, value: { autoDial: true, profileId: 'oracle' } });
    expect(await core.dispatch('link.setSettings', { autoDial: false })).toEqual({ ok: true, value: { autoDial: false } });
    expect(await open('tel:+442072068888')).toEqual({ outcome: 'prefilled' });
    expect(oracleStarts()).toHaveLength(0);
  });

  it('refuses to dial links at once on a profile that does not exist, or without a profile', async () => {
    expect(await core.dispatch('link.setSettings', { autoDial: true, profileId: 'nope' })).toMatchObject({ ok: false, error: { code: 'VALIDATION', path: 'profileId' } });
    expect(await core.dispatch('link.setSettings', { autoDial: true })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST' } });
    expect(await core.dispatch('link.getSettings', {})).toEqual({ ok: true, value: { autoDial: false } });
  });

  it('asks first, with a warning, when the profile links were dialled on has gone', async () => {
    writeFileSync(join(dataDir, 'links.json'), JSON.stringify({ autoDial: true, profileId: 'removed' }));
    await core.dispose();
    core = await startCore();
    expect(await open('tel:+442072068888')).toEqual({ outcome: 'prefilled' });
    expect(ofType('notice').map((e) => e.level)).toEqual(['warning']);
    expect(ofType('dial.prefill')).toEqual([{ type: 'dial.prefill', number: '+442072068888' }]);
    expect(oracleStarts()).toHaveLength(0);
  });

  it('asks first when links.json is unreadable', async () => {
    writeFileSync(join(dataDir, 'links.json'), '{"autoDial": tru');
    await core.dispose();
    core = await startCore();
    expect(await core.dispatch('link.getSettings', {})).toEqual({ ok: true, value: { autoDial: false } });
  });

  it('validates the request: a link is a string of bounded length', async () => {
    expect(await core.dispatch('link.open', { uri: 42 })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', path: 'uri' } });
    expect(await core.dispatch('link.open', { uri: `tel:${'1'.repeat(5000)}` })).toMatchObject({ ok: false, error: { code: 'INVALID_REQUEST', path: 'uri' } });
    expect(anyVendorRequest()).toHaveLength(0);
  });
});

describe('linksInArguments', () => {
  it('finds the tel: and callto: links a launch was given, and nothing else', () => {
    expect(linksInArguments(['/opt/softphone', '--config', 'tel.json', 'tel:+12133734253', 'CALLTO://+44', 'https://x'])).toEqual(['tel:+12133734253', 'CALLTO://+44']);
  });
});

describe('LinkInbox', () => {
  it('holds links until the app can act on them, then passes them on in order', () => {
    const inbox = new LinkInbox();
    const delivered: string[] = [];
    inbox.receive('tel:1');
    inbox.receive('tel:2');
    expect(delivered).toEqual([]);
    inbox.open((uri) => delivered.push(uri));
    inbox.receive('tel:3');
    expect(delivered).toEqual(['tel:1', 'tel:2', 'tel:3']);
  });
});
