import type { CallRecord } from '../../../../shared/callModel';

/** How a call is named on screen and to screen readers: "Call to 5001", "Call from agent 40038". */
export function callName(call: Pick<CallRecord, 'target' | 'direction'>): string {
  return `Call ${call.direction === 'inbound' ? 'from' : 'to'} ${describeTarget(call)}`;
}

/** The dialled number or agent (the far party). */
export function describeTarget(call: Pick<CallRecord, 'target'>): string {
  const target = call.target;
  switch (target.kind) {
    case 'phone':
      return target.input === target.number || !target.input ? target.number : `${target.input} (${target.number})`;
    case 'agent':
      return target.name ? `agent ${target.agentId} (${target.name})` : `agent ${target.agentId}`;
    case 'groups':
      return `groups ${target.groupIds.join(', ')}`;
  }
}

// One formatter for every timestamp: building an Intl.DateTimeFormat per call per render was
// most of the renderer's time in a burst (bench/, issue 7).
const CLOCK = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });

export function formatClock(at: number): string {
  return CLOCK.format(at);
}

/** When a scheduled call starts: the time, and the date too when it is not today. */
export function formatStart(at: number, now: number): string {
  const start = new Date(at);
  const time = formatClock(at);
  return start.toDateString() === new Date(now).toDateString() ? time : `${start.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })}, ${time}`;
}
