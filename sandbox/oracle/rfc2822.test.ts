import { describe, expect, it } from 'vitest';
import { parseRfc2822 } from './rfc2822';

describe('parseRfc2822', () => {
  it.each([
    ['Mon, 29 Jul 2013 16:30:00 +0000', Date.UTC(2013, 6, 29, 16, 30, 0)],
    ['29 Jul 2013 16:30:00 +0000', Date.UTC(2013, 6, 29, 16, 30, 0)],
    ['Mon, 29 Jul 2013 18:30:00 +0200', Date.UTC(2013, 6, 29, 16, 30, 0)],
    ['Mon, 29 Jul 2013 12:30 -0400', Date.UTC(2013, 6, 29, 16, 30, 0)],
    ['Mon, 29 Jul 2013 16:30:00 GMT', Date.UTC(2013, 6, 29, 16, 30, 0)],
    ['Mon, 29 Jul 2013 09:30:00 PDT', Date.UTC(2013, 6, 29, 16, 30, 0)],
    ['Thu, 1 Jan 2030 00:00:00 +0000', undefined],
    ['Tue, 1 Jan 2030 00:00:00 +0000', Date.UTC(2030, 0, 1)],
    ['31 Feb 2030 10:00:00 +0000', undefined],
    ['2030-01-01T10:00:00Z', undefined],
    ['1 Jan 2030 25:00:00 +0000', undefined],
    ['1 Jan 2030 10:00:00', undefined],
    ['tomorrow', undefined],
  ])('%s → %s', (text, expected) => expect(parseRfc2822(text)).toBe(expected));
});
