import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../../shared/callModel';
import { CallRegistry } from './callRegistry';

const target = { kind: 'phone' as const, input: '5001', number: '5001' };

function setup() {
  const seen: CallRecord[] = [];
  const registry = new CallRegistry((call) => seen.push(call));
  return { registry, seen };
}

describe('call registry', () => {
  it('applies observations in order, keeps the raw vendor state and ignores stale ones', () => {
    const { registry, seen } = setup();
    const call = registry.create({ profileId: 'p', vendor: 'genesys', target });
    registry.observe('p', 'genesys', { localId: call.id, vendorCallId: 'V1', state: 'dialing', rawState: 'Dialing', sourceEvent: 'StatusChange', actions: ['hangup'] });
    registry.observe('p', 'genesys', { vendorCallId: 'V1', state: 'connected', rawState: 'Established', sourceEvent: 'StatusChange', actions: ['hangup', 'hold'] });
    expect(registry.observe('p', 'genesys', { vendorCallId: 'V1', state: 'dialing', rawState: 'Dialing', sourceEvent: 'late' })).toBeUndefined();
    registry.observe('p', 'genesys', { vendorCallId: 'V1', state: 'ended', rawState: 'Released', sourceEvent: 'StatusChange', actions: [] });
    const final = registry.get(call.id);
    expect(final?.timeline.map((entry) => entry.rawState)).toEqual(['requested', 'Dialing', 'Established', 'Released']);
    expect(final?.state).toBe('ended');
    expect(final?.actions).toEqual([]);
    expect(seen.map((c) => c.state)).toEqual(['requested', 'dialing', 'connected', 'ended']);
  });

  it('drops the outcome-unknown failure once the vendor says what became of the call, and keeps other failures', () => {
    const { registry } = setup();
    const call = registry.create({ profileId: 'p', vendor: 'genesys', target });
    const unknown = { code: 'OUTCOME_UNKNOWN', message: 'No answer within 15 s' };
    registry.settle(call.id, { state: 'unknown', rawState: 'OUTCOME_UNKNOWN', sourceEvent: 'Dial', failure: unknown });
    registry.observe('p', 'genesys', { localId: call.id, vendorCallId: 'V1', state: 'dialing', rawState: 'Dialing', sourceEvent: 'StatusChange' });
    expect(registry.get(call.id)).toMatchObject({ state: 'dialing', timeline: [{ state: 'requested' }, { state: 'unknown' }, { state: 'dialing' }] });
    expect(registry.get(call.id)?.failure).toBeUndefined();

    const busy = { code: 'BUSY', message: 'The called party is busy.' };
    registry.observe('p', 'genesys', { vendorCallId: 'V1', state: 'failed', rawState: 'Released', sourceEvent: 'StatusChange', failure: busy });
    expect(registry.get(call.id)?.failure).toEqual(busy);
  });

  it('does not match another profile’s vendor call id', () => {
    const { registry } = setup();
    const call = registry.create({ profileId: 'a', vendor: 'genesys', target });
    registry.observe('a', 'genesys', { localId: call.id, vendorCallId: 'SAME', state: 'dialing', rawState: 'Dialing', sourceEvent: 'x' });
    expect(registry.observe('b', 'genesys', { vendorCallId: 'SAME', state: 'connected', rawState: 'Established', sourceEvent: 'x' })).toBeUndefined();
    expect(registry.get(call.id)?.state).toBe('dialing');
  });

  it('keeps quiet calls from listeners and can discard them without a trace', () => {
    const { registry, seen } = setup();
    const call = registry.create({ profileId: 'p', vendor: 'genesys', target }, { quiet: true });
    expect(seen).toHaveLength(0);
    expect(registry.discard(call.id)).toBe(true);
    expect(registry.get(call.id)).toBeUndefined();
    expect(seen).toHaveLength(0);
  });

  it('announces a quiet call as soon as the vendor reports on it', () => {
    const { registry, seen } = setup();
    const call = registry.create({ profileId: 'p', vendor: 'genesys', target }, { quiet: true });
    registry.observe('p', 'genesys', { localId: call.id, state: 'dialing', rawState: 'Dialing', sourceEvent: 'x' });
    expect(seen.map((c) => c.state)).toEqual(['dialing']);
    expect(registry.discard(call.id)).toBe(false);
  });

  it('records calls it has not seen only when the adapter describes them', () => {
    const { registry } = setup();
    expect(registry.observe('p', 'genesys', { vendorCallId: 'X', state: 'ringing', rawState: 'Ringing', sourceEvent: 'x' })).toBeUndefined();
    const inbound = registry.observe('p', 'genesys', {
      vendorCallId: 'X',
      state: 'ringing',
      rawState: 'Ringing',
      sourceEvent: 'x',
      discovered: { direction: 'inbound', target },
    });
    expect(inbound?.direction).toBe('inbound');
    expect(registry.findByVendorId('p', 'X')?.id).toBe(inbound?.id);
  });
});
