import type { AppEvent } from '../../../shared/ipc/contract';

/**
 * Within one batch, only the newest `call.updated` of each call matters: every record carries
 * the call's whole timeline, so the older copies add bytes and renders but no information.
 * Other events keep their order; each call's update takes the place of its last copy.
 */
export function coalesceEvents(events: readonly AppEvent[]): AppEvent[] {
  const lastIndex = new Map<string, number>();
  events.forEach((event, index) => {
    if (event.type === 'call.updated') lastIndex.set(event.call.id, index);
  });
  return events.filter((event, index) => event.type !== 'call.updated' || lastIndex.get(event.call.id) === index);
}
