import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_STATES } from '../../../shared/callModel';
import { AppError, ERROR_CODES } from '../../../shared/errors';
import { anyJson, objectWith } from '../fuzzArbitraries';
import { discoveredOf, mapCall } from './callMapping';
import { errorFromStatus, outcomeUnknown } from './gwsErrors';
import {
  CallsResponseSchema,
  CallStateChangeMessageSchema,
  DeviceStateChangeMessageSchema,
  ErrorMessageSchema,
  GwsCallSchema,
  MeResponseSchema,
  StatusEnvelopeSchema,
} from './gwsSchemas';

/** Whatever GWS (or something pretending to be it) sends, the adapter's parsing never throws. */

const CALL_KEYS = ['id', 'state', 'deviceUri', 'dnis', 'ani', 'callType', 'participants', 'capabilities', 'duration'];
const STATES = fc.constantFrom('Dialing', 'Ringing', 'Established', 'Held', 'Released', 'Unknown', '', 'dialing', 'toString', '__proto__', 'constructor');
const callLike = fc.oneof(
  objectWith(CALL_KEYS),
  fc.record({ id: fc.string({ minLength: 1, maxLength: 10 }), state: STATES, capabilities: fc.oneof(fc.array(fc.string()), anyJson), participants: anyJson, duration: anyJson }),
);
const messageLike = fc.oneof(
  objectWith(['messageType', 'notificationType', 'call', 'errorMessage', 'errorCode', 'devices'], fc.oneof(anyJson, callLike)),
  fc.record({
    messageType: fc.constantFrom('CallStateChangeMessage', 'ErrorMessage', 'DeviceStateChangeMessage', 'Other'),
    notificationType: fc.oneof(fc.constantFrom('StatusChange', 'Error', 'DtmfSent', 'Resync'), anyJson),
    call: fc.oneof(callLike, anyJson),
    devices: fc.oneof(fc.array(fc.oneof(objectWith(['id', 'phoneNumber', 'deviceState', 'userState']), anyJson)), anyJson),
    errorMessage: anyJson,
    errorCode: anyJson,
  }),
);

const SCHEMAS = { CallStateChangeMessageSchema, ErrorMessageSchema, DeviceStateChangeMessageSchema, MeResponseSchema, CallsResponseSchema, StatusEnvelopeSchema, GwsCallSchema };

describe('Genesys response parsing, fuzzed', () => {
  it.each(Object.entries(SCHEMAS))('%s parses any value without throwing', (_name, schema) => {
    fc.assert(
      fc.property(fc.oneof(anyJson, messageLike, fc.record({ user: objectWith(['userName', 'devices', 'calls', 'skills']) }), fc.record({ calls: fc.array(fc.oneof(callLike, anyJson)) })), (value) => {
        expect(() => schema.safeParse(value)).not.toThrow();
      }),
      { numRuns: 300 },
    );
  });

  it('maps every parsable call to one of our states, or to a reason, never a throw', () => {
    fc.assert(
      fc.property(callLike, fc.string(), fc.boolean(), fc.boolean(), fc.option(fc.record({ message: fc.option(fc.string(), { nil: undefined }), code: fc.option(fc.oneof(fc.string(), fc.integer()), { nil: undefined }) }), { nil: undefined }), (raw, source, answered, hangupRequested, error) => {
        const parsed = GwsCallSchema.safeParse(raw);
        if (!parsed.success) return;
        const mapped = mapCall({ call: parsed.data, source, ...(error ? { error } : {}) }, { answered, hangupRequested });
        if (mapped.ok) {
          expect(CALL_STATES).toContain(mapped.observation.state);
          expect(mapped.observation.vendorCallId).toBe(parsed.data.id);
        } else {
          expect(mapped.reason).toContain(parsed.data.state);
        }
        expect(discoveredOf(parsed.data).target).toMatchObject({ kind: 'phone', number: expect.any(String) });
      }),
      { numRuns: 500 },
    );
  });

  it('keeps the good calls of a list with bad ones in it, and counts the bad', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(callLike, anyJson), { maxLength: 8 }), (calls) => {
        const parsed = CallsResponseSchema.safeParse({ calls });
        expect(parsed.success).toBe(true);
        if (!parsed.success) return;
        const good = calls.filter((call) => GwsCallSchema.safeParse(call).success).length;
        expect(parsed.data.calls.valid).toHaveLength(good);
        expect(parsed.data.calls.invalid).toBe(calls.length - good);
      }),
      { numRuns: 300 },
    );
  });

  it('turns any statusCode and statusMessage into an AppError carrying the vendor’s words verbatim', () => {
    fc.assert(
      fc.property(fc.string(), fc.integer(), fc.option(fc.string(), { nil: undefined }), (operation, code, message) => {
        const error = errorFromStatus(operation, code, message);
        expect(error).toBeInstanceOf(AppError);
        expect(ERROR_CODES).toContain(error.code);
        expect(error.code).not.toBe('OUTCOME_UNKNOWN');
        expect(error.vendorMessage).toBe(message);
        expect(outcomeUnknown(operation, String(code), message).code).toBe('OUTCOME_UNKNOWN');
      }),
      { numRuns: 300 },
    );
  });
});
