import { describe, expect, it } from 'vitest';
import { VENDORS } from '../../shared/callModel';
import { normalizeNumber } from '../../shared/phoneNumber';
import { burstAgentIds, dialNumber, dialNumbers, huaweiLiveNumber, numberPattern } from './numbers';

describe('dial numbers', () => {
  it.each(VENDORS)('%s dials distinct numbers, none ending in 8 or 9 (scripted busy / no answer)', (vendor) => {
    const numbers = dialNumbers(vendor, 210);
    expect(new Set(numbers).size).toBe(210);
    for (const number of numbers) expect(number).toMatch(/[0-7]$/);
  });

  it('gives every vendor its own range, so a card names one call', () => {
    const all = VENDORS.flatMap((vendor) => dialNumbers(vendor, 210));
    expect(new Set(all).size).toBe(all.length);
  });

  it.each(VENDORS.filter((vendor) => vendor !== 'huawei'))('%s dials valid UK numbers (the dialer refuses others on Enter)', (vendor) => {
    for (const number of dialNumbers(vendor, 210)) expect(normalizeNumber(number, 'GB').valid).toBe(true);
  });

  it('dials Huawei on internal numbers that stay digits (not read as public numbers)', () => {
    for (const number of [...dialNumbers('huawei', 210), ...Array.from({ length: 21 }, (_, index) => huaweiLiveNumber(index))]) {
      expect(number).toMatch(/^6\d{5}$/);
      expect(normalizeNumber(number, 'GB').e164).toBeUndefined();
    }
  });

  it('keeps the live Huawei numbers apart from the dialled ones', () => {
    const live = Array.from({ length: 21 }, (_, index) => huaweiLiveNumber(index));
    expect(live.filter((number) => dialNumbers('huawei', 210).includes(number))).toEqual([]);
  });

  it.each([-1, 1.5, 800])('refuses index %s', (index) => {
    expect(() => dialNumber('genesys', index)).toThrow(RangeError);
  });

  it('numbers burst agents from 41001', () => {
    expect(burstAgentIds(3)).toEqual(['41001', '41002', '41003']);
  });
});

describe('numberPattern', () => {
  it.each([
    { number: '01134960001', name: 'Call to 0113 496 0001 (+441134960001)', matches: true },
    { number: '01134960001', name: 'Call to 01134960001', matches: true },
    { number: '01134960001', name: 'Call to 0113 496 00012', matches: false },
    { number: '+442079460003', name: 'Call to +44 20 7946 0003', matches: true },
    { number: '+442079460003', name: 'Call to +442079460013', matches: false },
    { number: '610001', name: 'Call to 610001', matches: true },
    { number: '610001', name: 'Call to 1610001', matches: false },
  ])('$number in "$name": $matches', ({ number, name, matches }) => {
    expect(numberPattern(number).test(name)).toBe(matches);
  });
});
