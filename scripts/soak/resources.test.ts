import { describe, expect, it } from 'vitest';
import { leakedResources } from './resources';

describe('leakedResources', () => {
  it.each([
    [{ Timeout: 2, TCPSocketWrap: 1 }, { Timeout: 2, TCPSocketWrap: 1 }, {}],
    [{ Timeout: 2 }, { Timeout: 1 }, {}],
    [{ Timeout: 2 }, { Timeout: 5, TCPSocketWrap: 1 }, { Timeout: 3, TCPSocketWrap: 1 }],
  ])('%j then %j leaks %j', (before, after, expected) => {
    expect(leakedResources(before, after)).toEqual(expected);
  });
});
