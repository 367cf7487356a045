import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_STATES } from '../../../shared/callModel';
import { AppError, ERROR_CODES } from '../../../shared/errors';
import { anyJson, httpStatus, jsonBody, objectWith } from '../fuzzArbitraries';
import { callView } from './callMapping';
import { callDetailError, createCallError, tokenError, vendorWords } from './httpErrors';
import { parseJsonText } from './jsonText';
import { OAuthErrorSchema, TokenResponseSchema, VccCallSchema, VccMessageSchema } from './responses';

/** Whatever VCC answers, the adapter reads it, or says in a structured error that it could not. */

const text = fc.oneof(fc.string({ maxLength: 12 }), fc.constant(null), fc.constantFrom('Active', 'Success', 'Failure', 'Originator', 'Destination', 'NoAnswer', 'NumberBusy', 'toString'));
const result = fc.oneof(anyJson, fc.record({ code: text, party: text, reason: text }, { requiredKeys: [] }));
const callLike = fc.oneof(
  objectWith(['id', 'status', 'recordingStatus', 'result', 'dispositionCode', 'links']),
  fc.record({ id: fc.oneof(fc.uuid(), fc.string()), status: text, recordingStatus: text, result, dispositionCode: text }, { requiredKeys: ['id'] }),
);
const bodyLike = jsonBody(fc.oneof(anyJson, callLike, objectWith(['message', 'error', 'error_description', 'access_token', 'token_type', 'expires_in'])));

describe('Vonage response parsing, fuzzed', () => {
  it.each(Object.entries({ TokenResponseSchema, VccCallSchema, VccMessageSchema, OAuthErrorSchema }))('%s parses any body without throwing', (_name, schema) => {
    fc.assert(
      fc.property(bodyLike, (body) => {
        expect(() => schema.safeParse(parseJsonText(body))).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('puts every parsable call object in one of our states, with a failure when it failed', () => {
    fc.assert(
      fc.property(callLike, (raw) => {
        const parsed = VccCallSchema.safeParse(raw);
        if (!parsed.success) return;
        const view = callView(parsed.data);
        if (view === undefined) return;
        expect(CALL_STATES).toContain(view.state);
        expect(typeof view.rawState).toBe('string');
        if (view.state === 'failed') expect(view.failure?.message).toBeTruthy();
        for (const value of Object.values(view.failure ?? {})) expect(typeof value).toBe('string');
        expect(view.final).toBe(view.state !== 'dialing');
      }),
      { numRuns: 500 },
    );
  });

  it('turns any error answer into an AppError; one to a call request is never retried blindly', () => {
    fc.assert(
      fc.property(httpStatus, bodyLike, (status, body) => {
        const answer = { status, text: body };
        for (const error of [createCallError(answer), callDetailError(answer), tokenError(answer)]) {
          expect(error).toBeInstanceOf(AppError);
          expect(ERROR_CODES).toContain(error.code);
          expect(error.vendorMessage).toBe(vendorWords(answer));
        }
        // A call request answered 5xx (or anything outside 4xx) may have placed the call.
        if (status >= 500 || status < 400) expect(createCallError(answer).code).toBe('OUTCOME_UNKNOWN');
        else expect(createCallError(answer).code).not.toBe('OUTCOME_UNKNOWN');
      }),
      { numRuns: 500 },
    );
  });
});
