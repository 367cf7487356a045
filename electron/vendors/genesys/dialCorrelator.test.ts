import { describe, expect, it } from 'vitest';
import { DialCorrelator, isCallFromDial } from './dialCorrelator';
import { GwsCallSchema, type GwsCall } from './gwsSchemas';

const DEVICE = 'efe1ab32-53f9-43ce-b65e-5768c61f7d4a';

const call = (fields: Record<string, unknown> = {}): GwsCall =>
  GwsCallSchema.parse({
    id: 'C1',
    state: 'Dialing',
    deviceUri: `http://127.0.0.1:8080/api/v2/devices/${DEVICE}`,
    dnis: '5001',
    participants: ['5001'],
    ...fields,
  });

describe('isCallFromDial', () => {
  const table: Array<[string, GwsCall, string, boolean]> = [
    ['the documented Dialing event', call(), '5001', true],
    ['dnis with separators', call({ dnis: '+44 20 7946 0000', participants: [] }), '+442079460000', true],
    ['dialled with + but echoed without', call({ dnis: '442079460000', participants: [] }), '+442079460000', true],
    ['only a participant object matches', call({ dnis: undefined, participants: [{ digits: '15002', phoneNumber: '15002' }] }), '15002', true],
    ['device URI with a trailing slash', call({ deviceUri: `http://gws/api/v2/devices/${DEVICE}/` }), '5001', true],
    ['another number', call(), '5002', false],
    ['a number that only ends the same', call({ dnis: '95001', participants: [] }), '5001', false],
    ['another device', call({ deviceUri: 'http://gws/api/v2/devices/other-device' }), '5001', false],
    ['a device id that only ends the same', call({ deviceUri: `http://gws/api/v2/devices/x${DEVICE}` }), '5001', false],
    ['no device URI', call({ deviceUri: undefined }), '5001', false],
    ['nothing dialable dialled', call({ dnis: '', participants: [] }), '', false],
  ];
  it.each(table)('%s', (_name, gwsCall, dialled, expected) => {
    expect(isCallFromDial(gwsCall, DEVICE, dialled)).toBe(expected);
  });
});

describe('DialCorrelator', () => {
  it('binds the next unseen Dialing call to the pending dial, and later events of it too', () => {
    const correlator = new DialCorrelator(DEVICE);
    correlator.expect('L1', '5001');
    expect(correlator.observe(call({ id: 'C1' }), 'event')).toBe('L1');
    expect(correlator.isPending('L1')).toBe(false);
    expect(correlator.observe(call({ id: 'C1', state: 'Established' }), 'event')).toBe('L1');
    expect(correlator.localIdOf('C1')).toBe('L1');
    expect(correlator.callIdOf('L1')).toBe('C1');
  });

  it('binds dials to the same number first come, first served', () => {
    const correlator = new DialCorrelator(DEVICE);
    correlator.expect('L1', '5001');
    correlator.expect('L2', '5001');
    correlator.expect('L3', '5002');
    expect(correlator.observe(call({ id: 'C3', dnis: '5002', participants: ['5002'] }), 'event')).toBe('L3');
    expect(correlator.observe(call({ id: 'C1' }), 'event')).toBe('L1');
    expect(correlator.observe(call({ id: 'C2' }), 'event')).toBe('L2');
  });

  const unbindable: Array<[string, GwsCall, 'event' | 'resync']> = [
    ['an event in a state other than Dialing', call({ state: 'Established' }), 'event'],
    ['a released call found by a resync', call({ state: 'Released' }), 'resync'],
    ['a call from another device', call({ deviceUri: 'http://gws/api/v2/devices/other' }), 'event'],
    ['a call to another number', call({ dnis: '5009', participants: ['5009'] }), 'event'],
  ];
  it.each(unbindable)('does not bind %s', (_name, gwsCall, from) => {
    const correlator = new DialCorrelator(DEVICE);
    correlator.expect('L1', '5001');
    expect(correlator.observe(gwsCall, from)).toBeUndefined();
    expect(correlator.isPending('L1')).toBe(true);
  });

  it('lets a resync bind a call that is already further on', () => {
    const correlator = new DialCorrelator(DEVICE);
    correlator.expect('L1', '5001');
    expect(correlator.observe(call({ state: 'Established' }), 'resync')).toBe('L1');
  });

  it('never binds a call it has seen before the dial', () => {
    const correlator = new DialCorrelator(DEVICE);
    expect(correlator.observe(call({ id: 'OLD' }), 'event')).toBeUndefined();
    correlator.expect('L1', '5001');
    expect(correlator.observe(call({ id: 'OLD' }), 'event')).toBeUndefined();
    expect(correlator.observe(call({ id: 'NEW' }), 'event')).toBe('L1');
  });

  it('forgets a withdrawn dial', () => {
    const correlator = new DialCorrelator(DEVICE);
    correlator.expect('L1', '5001');
    expect(correlator.withdraw('L1')).toBe(true);
    expect(correlator.withdraw('L1')).toBe(false);
    expect(correlator.observe(call(), 'event')).toBeUndefined();
  });
});
