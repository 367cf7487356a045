import { describe, expect, it } from 'vitest';
import { describeWait, parseStartAt, parseStartIn } from './schedule';

describe('parseStartIn', () => {
  it.each([
    ['5', 'seconds', 900, { ok: true, value: 5 }],
    [' 900 ', 'seconds', 900, { ok: true, value: 900 }],
    ['901', 'seconds', 900, { ok: false, message: '"Start in" can be at most 900 seconds on this profile.' }],
    ['1440', 'minutes', 1440, { ok: true, value: 1440 }],
    ['1.5', 'minutes', 1440, { ok: false, message: '"Start in" takes a whole number of minutes, such as 5.' }],
    ['0', 'seconds', 900, { ok: false, message: '"Start in" takes a whole number of seconds, such as 5.' }],
    ['-3', 'seconds', 900, { ok: false, message: '"Start in" takes a whole number of seconds, such as 5.' }],
    ['soon', 'minutes', null, { ok: false, message: '"Start in" takes a whole number of minutes, such as 5.' }],
    ['100000', 'minutes', null, { ok: true, value: 100000 }],
  ] as const)('%j %s (max %s)', (text, unit, max, expected) => {
    expect(parseStartIn(text, unit, max)).toEqual(expected);
  });
});

describe('parseStartAt (local time)', () => {
  const now = new Date(2026, 10, 21, 14, 0, 0);
  it.each([
    ['14:30', new Date(2026, 10, 21, 14, 30, 0)],
    ['14:30:15', new Date(2026, 10, 21, 14, 30, 15)],
    // A time that has passed today means tomorrow.
    ['09:00', new Date(2026, 10, 22, 9, 0, 0)],
    ['2026-11-21 14:30', new Date(2026, 10, 21, 14, 30, 0)],
    ['2026-11-22T08:05:09', new Date(2026, 10, 22, 8, 5, 9)],
    ['2027-01-01 0:00', new Date(2027, 0, 1, 0, 0, 0)],
  ])('%j', (text, at) => {
    expect(parseStartAt(text, now)).toEqual({ ok: true, value: at });
  });

  it.each([
    ['2026-11-21 13:59', '2026-11-21 13:59 has passed: choose a time in the future.'],
    ['2026-11-21 14:00', '2026-11-21 14:00 has passed: choose a time in the future.'],
    ['2026-02-30 10:00', '"2026-02-30 10:00" is not a date and time that exists here.'],
    ['25:00', '"25:00" is not a time of day.'],
    ['14:60', '"14:60" is not a time of day.'],
    ['tomorrow', '"Start at" takes a time such as 14:30, or a date and time such as 2026-11-21 14:30.'],
    ['21/11/2026 14:30', '"Start at" takes a time such as 14:30, or a date and time such as 2026-11-21 14:30.'],
  ])('%j is refused', (text, message) => {
    expect(parseStartAt(text, now)).toEqual({ ok: false, message });
  });
});

describe('describeWait', () => {
  it.each([
    [0, '0 s'],
    [45_000, '45 s'],
    [60_000, '1 min'],
    [5 * 60_000 + 20_000, '5 min'],
    [2 * 3_600_000 + 5 * 60_000, '2 h 5 min'],
    [3 * 3_600_000, '3 h'],
    [3 * 86_400_000, '3 days'],
  ])('%d ms → %s', (ms, words) => {
    expect(describeWait(ms)).toBe(words);
  });
});
