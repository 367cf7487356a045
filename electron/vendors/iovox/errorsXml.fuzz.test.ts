import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AppError, ERROR_CODES } from '../../../shared/errors';
import { TransportError } from '../http/httpClient';
import { httpStatus, xmlBody } from '../fuzzArbitraries';
import { isCallDataDocument, parseIovoxErrors } from './errorsXml';
import { callDataFailure, initiateCallFailure, transportFailure } from './vendorFailure';

/** IOVOX answers XML; whatever arrives, reading it never throws and every failure is structured. */

describe('IOVOX response parsing, fuzzed', () => {
  it('reads any body as a list of errors or as nothing, and tells call data documents apart', () => {
    fc.assert(
      fc.property(xmlBody, (body) => {
        const errors = parseIovoxErrors(body);
        if (errors !== undefined) {
          expect(errors.length).toBeGreaterThan(0);
          for (const error of errors) {
            expect(typeof error.text).toBe('string');
            if (error.status !== undefined) expect(error.status).toBeGreaterThanOrEqual(100);
          }
        }
        expect(typeof isCallDataDocument(body)).toBe('boolean');
      }),
      { numRuns: 1000 },
    );
  });

  it('turns any answer to initiateCall into an AppError: 5xx is an unknown outcome, 4xx a refusal', () => {
    fc.assert(
      fc.property(httpStatus.filter((status) => status !== 201), xmlBody, (status, body) => {
        const error = initiateCallFailure(status, body);
        expect(error).toBeInstanceOf(AppError);
        expect(ERROR_CODES).toContain(error.code);
        expect(typeof error.vendorMessage).toBe('string');
        if (status >= 500 || status === 408 || status < 400) expect(error.code).toBe('OUTCOME_UNKNOWN');
        else expect(error.code).not.toBe('OUTCOME_UNKNOWN');
        const check = callDataFailure(status, body);
        expect(check).toBeInstanceOf(AppError);
        expect(check.code).not.toBe('OUTCOME_UNKNOWN');
      }),
      { numRuns: 500 },
    );
  });

  it('never reads an external entity, and does not blow up on nested ones', () => {
    const external = '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><errors><error status="400">&xxe;</error></errors>';
    expect(JSON.stringify(parseIovoxErrors(external) ?? [])).not.toContain('root:');
    expect(initiateCallFailure(400, external)).toBeInstanceOf(AppError);
    const laughs = `<!DOCTYPE l [<!ENTITY a "${'a'.repeat(10)}">${Array.from({ length: 8 }, (_, i) => `<!ENTITY e${i + 1} "${`&${i === 0 ? 'a' : `e${i}`};`.repeat(10)}">`).join('')}]><errors><error status="400">&e8;</error></errors>`;
    const parsed = parseIovoxErrors(laughs);
    expect(JSON.stringify(parsed ?? []).length).toBeLessThan(100_000);
  });

  it('says whether a request without an answer may have placed a call', () => {
    fc.assert(
      fc.property(fc.constantFrom('timeout', 'connection-refused', 'network', 'cancelled' as const), fc.string(), fc.boolean(), fc.boolean(), (kind, message, reached, placesCall) => {
        const error = transportFailure(new TransportError(kind, reached, message), placesCall);
        expect(error.code).toBe(reached && placesCall ? 'OUTCOME_UNKNOWN' : 'NETWORK');
      }),
      { numRuns: 100 },
    );
  });
});
