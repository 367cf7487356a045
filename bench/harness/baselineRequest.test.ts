import { describe, expect, it } from 'vitest';
import { baselineHeaders } from './baselineRequest';

describe('baselineHeaders', () => {
  it('keeps what shapes the request and drops credentials and what the client sets itself', () => {
    const headers = baselineHeaders(
      {
        host: '127.0.0.1:9000',
        'content-type': 'application/json; charset=UTF-8',
        'content-length': '42',
        connection: 'keep-alive',
        authorization: 'Basic YWdlbnQxOnNhbmRib3g=',
        cookie: 'JSESSIONID=abc',
        guid: 'JSESSIONID=1.AgentGateway0',
        securekey: 'sandbox-key',
        username: 'sandbox',
        'x-csrf-token': 'token',
        accept: 'application/json',
        'x-forwarded-for': ['a', 'b'],
      },
      'baseline-7',
    );
    expect(headers).toEqual({ 'content-type': 'application/json; charset=UTF-8', accept: 'application/json', 'x-forwarded-for': 'a, b', 'x-bench-baseline': 'baseline-7' });
  });
});
