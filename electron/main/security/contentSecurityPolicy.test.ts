import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, securityHeaders } from './contentSecurityPolicy';

describe('contentSecurityPolicy', () => {
  it('is exactly the app policy', () => {
    expect(contentSecurityPolicy()).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'",
    );
  });

  it('never allows inline code, eval or remote origins', () => {
    const policy = contentSecurityPolicy();
    expect(policy).not.toMatch(/unsafe-|https?:|wss?:|\*/);
  });

  it('is sent with every app response, with nosniff and no referrer', () => {
    expect(securityHeaders()).toEqual({
      'Content-Security-Policy': contentSecurityPolicy(),
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'no-referrer',
      'Cross-Origin-Opener-Policy': 'same-origin',
    });
  });
});
