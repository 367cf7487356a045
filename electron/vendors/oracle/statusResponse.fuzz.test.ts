import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CALL_STATES } from '../../../shared/callModel';
import { AppError, ERROR_CODES } from '../../../shared/errors';
import { anyJson, httpStatus, jsonBody, objectWith } from '../fuzzArbitraries';
import { readStatus } from './statusMapping';
import { ORACLE_CALL_STATES, parseEndState, parseOracleStatus, parseOracleTime, parseStartSessionId, vendorText } from './statusResponse';
import { endFailure, startFailure, startWithoutSession, statusFailure } from './vendorFailure';

/** Oracle's answers are read leniently; whatever arrives, reading never throws and polling always has a next step. */

const time = fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 20 }), fc.constantFrom(' 1700000000', '2024-02-30 25:61:61', '1700000000000', '', '-1', '1e400'), anyJson);
const statusLike = fc.oneof(
  objectWith(['sessionId', 'sessionid', 'callState', 'time', 'scheduledTime', 'more', 'reason', 'message']),
  fc.record(
    {
      sessionId: fc.oneof(fc.string(), anyJson),
      callState: fc.oneof(fc.constantFrom(...ORACLE_CALL_STATES, ' Connected ', 'ended', 'toString', ''), anyJson),
      time,
      scheduledTime: time,
      more: fc.oneof(fc.constantFrom('yes', 'no', 'maybe', ' NO ', ''), anyJson),
    },
    { requiredKeys: [] },
  ),
);
const body = jsonBody(fc.oneof(statusLike, anyJson));
const timing = fc.record({ statusPollMs: fc.integer({ min: 50, max: 60_000 }), scheduledPollMs: fc.integer({ min: 50, max: 600_000 }) });

describe('Oracle response parsing, fuzzed', () => {
  it('reads any body as a status, a session id or an end state, or as nothing', () => {
    fc.assert(
      fc.property(body, (text) => {
        const status = parseOracleStatus(text);
        if (status) {
          expect(ORACLE_CALL_STATES).toContain(status.callState);
          expect(['yes', 'no', 'maybe']).toContain(status.more);
          for (const value of [status.time, status.scheduledTime]) expect(['number', 'undefined']).toContain(typeof value);
        }
        expect(['string', 'undefined']).toContain(typeof parseStartSessionId(text));
        expect(['string', 'undefined']).toContain(typeof parseEndState(text));
        expect(typeof vendorText(200, text)).toBe('string');
      }),
      { numRuns: 800 },
    );
  });

  it('reads any time value as epoch milliseconds or as unknown', () => {
    fc.assert(
      fc.property(fc.oneof(fc.integer(), fc.double(), fc.string({ maxLength: 24 })), (value) => {
        const ms = parseOracleTime(value);
        if (ms !== undefined) expect(typeof ms).toBe('number');
      }),
      { numRuns: 300 },
    );
  });

  it('always knows what to report and when to poll next, for any status', () => {
    fc.assert(
      fc.property(body, fc.boolean(), timing, fc.integer({ min: 0, max: 4e12 }), fc.option(fc.integer({ min: 0, max: 4e12 }), { nil: undefined }), (text, sawConnected, poll, now, expectedStart) => {
        const status = parseOracleStatus(text);
        if (!status) return;
        const reading = readStatus(status, { sawConnected }, poll, now, expectedStart);
        if (reading.next !== 'stop') {
          expect(reading.next).toBeGreaterThanOrEqual(Math.min(poll.statusPollMs, poll.scheduledPollMs));
          expect(reading.next).toBeLessThanOrEqual(Math.max(poll.statusPollMs, poll.scheduledPollMs));
        }
        if (reading.observed) expect(CALL_STATES).toContain(reading.observed.state);
      }),
      { numRuns: 800 },
    );
  });

  it('turns any error answer into an AppError; a start answered 5xx has an unknown outcome', () => {
    fc.assert(
      fc.property(httpStatus, body, fc.string({ maxLength: 16 }), fc.boolean(), (status, text, number, agentFirst) => {
        const start = startFailure(status, text, number, agentFirst);
        for (const error of [start, startWithoutSession(text, number), endFailure(status, text), statusFailure(status, text)]) {
          expect(error).toBeInstanceOf(AppError);
          expect(ERROR_CODES).toContain(error.code);
          expect(typeof error.vendorMessage).toBe('string');
        }
        if (status >= 500 || status === 408 || status < 400) expect(start.code).toBe('OUTCOME_UNKNOWN');
        else expect(start.code).not.toBe('OUTCOME_UNKNOWN');
      }),
      { numRuns: 500 },
    );
  });
});
