import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_STATES } from '../../../shared/callModel';
import { AppError } from '../../../shared/errors';
import { anyJson, jsonBody, objectWith } from '../fuzzArbitraries';
import { outcomeUnknown, refusal } from './errors';
import { HANDLED_EVENT_TYPES, interpretEvent } from './eventMapping';
import { AgentEventSchema, contentCallId, contentField, parseCallId, parseCallInfo, parseEnvelope, parseSkills } from './wire';

/** Whatever the CC-Gateway (or a proxy in front of it) answers, reading it never throws. */

const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.integer(), fc.boolean(), fc.constant(null), fc.double());
const CONTENT_KEYS = ['callid', 'callId', 'CALLID', 'caller', 'called', 'feature', 'otherPhone', 'otherPhoneWorkno', 'detect', 'desc', 'skillId', 'skillName', 'id', 'name'];
const content = fc.oneof(anyJson, objectWith(CONTENT_KEYS, fc.oneof(scalar, anyJson)), fc.string(), fc.integer());
const envelope = fc.oneof(
  objectWith(['retcode', 'message', 'msg', 'result', 'event'], fc.oneof(scalar, anyJson)),
  fc.record({
    retcode: fc.oneof(fc.constantFrom('0', 0, '000-003', '100-006', '200-001', ' 0 ', ''), scalar),
    message: fc.oneof(fc.string(), anyJson),
    result: fc.oneof(content, fc.array(content, { maxLength: 4 })),
    event: fc.oneof(fc.constant(null), objectWith(['eventType', 'workNo', 'content'], fc.oneof(fc.constantFrom(...HANDLED_EVENT_TYPES), content))),
  }),
);
const event = fc.oneof(
  objectWith(['eventType', 'workNo', 'content'], fc.oneof(scalar, content)),
  fc.record(
    { eventType: fc.oneof(fc.constantFrom(...HANDLED_EVENT_TYPES), fc.constantFrom('toString', '__proto__', 'constructor', 'hasOwnProperty'), fc.string()), workNo: scalar, content },
    { requiredKeys: ['eventType'] },
  ),
);

const MEANINGS = ['session', 'agent-state', 'agent-phone', 'call', 'call-out-failed', 'failure-cause', 'not-handled', 'malformed'];

describe('Huawei gateway parsing, fuzzed', () => {
  it('reads any body as an envelope with a string retcode, or as nothing', () => {
    fc.assert(
      fc.property(jsonBody(fc.oneof(envelope, anyJson)), (body) => {
        const parsed = parseEnvelope(body);
        if (parsed === undefined) return;
        expect(typeof parsed.retcode).toBe('string');
        expect(typeof parsed.message).toBe('string');
      }),
      { numRuns: 500 },
    );
  });

  it('reads fields, call ids, call info and skills out of any result without throwing', () => {
    fc.assert(
      fc.property(fc.oneof(content, fc.array(content, { maxLength: 5 })), fc.constantFrom(...CONTENT_KEYS), (result, name) => {
        const field = contentField(result, name);
        if (field !== undefined) expect(field).not.toBe('');
        const callId = contentCallId(result);
        if (callId !== undefined) expect(callId.trim()).toBe(callId);
        expect(['string', 'undefined']).toContain(typeof parseCallId(result));
        const info = parseCallInfo(result);
        if (info) expect(info.callId).not.toBe('');
        const skills = parseSkills(result);
        for (const skill of skills ?? []) expect(skill.id).not.toBe('');
      }),
      { numRuns: 500 },
    );
  });

  it('gives every event a meaning, never a throw', () => {
    fc.assert(
      fc.property(event, (raw) => {
        const parsed = AgentEventSchema.safeParse(raw);
        if (!parsed.success) return;
        const meaning = interpretEvent(parsed.data);
        expect(MEANINGS).toContain(meaning.kind);
        if (meaning.kind === 'call') {
          expect(CALL_STATES).toContain(meaning.state);
          expect(meaning.vendorCallId).not.toBe('');
        }
      }),
      { numRuns: 500 },
    );
  });

  it('turns any refusal into an AppError with the gateway’s words', () => {
    fc.assert(
      fc.property(fc.string(), fc.oneof(fc.string(), fc.constantFrom('100-004', '000-003', 'toString', '__proto__', 'constructor')), fc.string(), (action, retcode, message) => {
        const error = refusal(action, { retcode, message });
        expect(error).toBeInstanceOf(AppError);
        expect(typeof error.hint).toBe('string');
        expect(error.message).not.toContain('function');
        expect(error.vendorMessage).toBe(message !== '' ? message : `retcode ${retcode}`);
        expect(outcomeUnknown(action, { retcode, message }).code).toBe('OUTCOME_UNKNOWN');
      }),
      { numRuns: 200 },
    );
  });
});
