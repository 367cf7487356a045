import { STATE_LABELS } from '../../../../shared/callModel';
import type { HistoryEntry } from '../../../../shared/history';

/** The outcome as the row shows it; a call written at shutdown says so. */
export function outcomeText(entry: HistoryEntry): string {
  const label = STATE_LABELS[entry.call.state];
  return entry.recordedWhen === 'shutdown' ? `${label} (when the app closed)` : label;
}

/** The vendor's own words: its failure message, else the last state it reported. */
export function vendorText(entry: HistoryEntry): string {
  if (entry.call.failure) return entry.call.failure.message;
  const last = entry.call.timeline[entry.call.timeline.length - 1];
  return last ? `Vendor: ${last.rawState}` : '';
}

export function formatWhen(at: number, now = Date.now()): string {
  const date = new Date(at);
  const sameDay = new Date(now).toDateString() === date.toDateString();
  const time = date.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  return sameDay ? `Today ${time}` : `${date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' })} ${time}`;
}

/** Why a call cannot be redialled, or undefined when it can. */
export function redialBlocker(entry: HistoryEntry, profileIds: ReadonlySet<string>): string | undefined {
  if (!entry.redial) return 'Nothing to call back';
  if (!profileIds.has(entry.redial.profileId)) return `Profile ${entry.redial.profileId} no longer exists`;
  return undefined;
}

/** Which row the keys move to, or undefined when the key is not a move. */
export function nextIndex(key: string, current: number, total: number, pageSize: number): number | undefined {
  if (total === 0) return undefined;
  const clamp = (index: number): number => Math.max(0, Math.min(total - 1, index));
  switch (key) {
    case 'ArrowDown':
      return clamp(current + 1);
    case 'ArrowUp':
      return clamp(current - 1);
    case 'PageDown':
      return clamp(current + pageSize);
    case 'PageUp':
      return clamp(current - pageSize);
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return undefined;
  }
}
