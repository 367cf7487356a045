import type { EmulatorResponse } from '../../framework/emulatorServer';
import type { QueueItem } from '../eventQueue';
import { RETCODE } from '../retcodes';
import type { Rejection } from '../validation';

/** What an operation handler answers: its `result`, or the gateway's refusal. */
export type Outcome = { ok: true; result: unknown; headers?: Record<string, string | string[]> } | Rejection;

export const success = (result: unknown, headers?: Record<string, string | string[]>): Outcome => ({ ok: true, result, headers });

const JSON_UTF8 = 'application/json;charset=UTF-8';

/**
 * `{"message","retcode","result"}`, always HTTP 200. A refusal carries no `result`, as the
 * callout documentation says ("not returned when a call fails").
 */
export function toResponse(outcome: Outcome): EmulatorResponse {
  if (!outcome.ok) return { status: 200, headers: { 'content-type': JSON_UTF8 }, body: { message: outcome.message, retcode: outcome.retcode } };
  return {
    status: 200,
    headers: { 'content-type': JSON_UTF8, ...outcome.headers },
    body: { message: '', retcode: RETCODE.success, result: outcome.result },
  };
}

/** One poll response: one event, `event: null`, or what a tester injected. */
export function pollResponse(item: QueueItem | null, includeEventGenTime: boolean, headers: Record<string, string> = {}): EmulatorResponse {
  const allHeaders = { 'content-type': JSON_UTF8, ...headers };
  if (!item) return { status: 200, headers: allHeaders, body: { message: '', retcode: RETCODE.success, event: null } };
  switch (item.kind) {
    case 'event': {
      const { eventType, content, message } = item.event;
      const event = { eventType, workNo: item.workNo, content, ...(includeEventGenTime ? { eventGenTime: Math.floor(item.emittedAt) } : {}) };
      return { status: 200, headers: allHeaders, body: { message, retcode: RETCODE.success, event } };
    }
    case 'injected-event':
      return { status: 200, headers: allHeaders, body: { message: '', retcode: RETCODE.success, event: item.event } };
    case 'injected-body':
      return { status: 200, headers: allHeaders, body: item.body };
    case 'injected-raw':
      return { status: 200, headers: allHeaders, body: item.text };
  }
}
