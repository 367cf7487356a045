import { Cookie } from 'tough-cookie';
import { describe, expect, it } from 'vitest';
import { carriesCookie, stickyCookieHeader } from './stickiness';

describe('stickiness cookie', () => {
  it.each([
    ['HWWAFSESID=abc', true],
    ['other=1; HWWAFSESID=abc', true],
    [' HWWAFSESID = abc ;x=y', true],
    ['HWWAFSESID=abcd', false],
    ['XHWWAFSESID=abc', false],
    ['', false],
    [undefined, false],
  ])('%j carries HWWAFSESID=abc: %s', (header, expected) => {
    expect(carriesCookie(header, 'HWWAFSESID', 'abc')).toBe(expected);
  });

  it('sets a cookie a standard parser reads back', () => {
    const cookie = Cookie.parse(stickyCookieHeader('HWWAFSESID', 'abc'));
    expect(cookie?.key).toBe('HWWAFSESID');
    expect(cookie?.value).toBe('abc');
    expect(cookie?.path).toBe('/');
  });
});
