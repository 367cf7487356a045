import type { KeyboardEvent } from 'react';
import type { HistoryEntry } from '../../../../shared/history';
import { describeTarget } from '../calls/callText';
import { formatWhen, outcomeText, redialBlocker, vendorText } from './historyText';

interface HistoryRowProps {
  index: number;
  total: number;
  entry: HistoryEntry | undefined;
  active: boolean;
  profileIds: ReadonlySet<string>;
  pending: boolean;
  top: number;
  height: number;
  rowRef(element: HTMLElement | null): void;
  onFocus(): void;
  onKeyDown(event: KeyboardEvent<HTMLElement>): void;
  onRedial(entry: HistoryEntry): void;
  onOpen(entry: HistoryEntry): void;
}

/** One call: number or agent, outcome, profile, time, the vendor's words, Redial and Timeline. */
export function HistoryRow({ index, total, entry, active, profileIds, pending, top, height, rowRef, onFocus, onKeyDown, onRedial, onOpen }: HistoryRowProps) {
  const tabIndex = active ? 0 : -1;
  const name = entry ? describeTarget(entry.call) : '';
  const blocker = entry ? redialBlocker(entry, profileIds) : undefined;
  return (
    <div
      ref={rowRef}
      role="listitem"
      aria-posinset={index + 1}
      aria-setsize={total}
      tabIndex={tabIndex}
      className={`history-row${entry ? ` history-row--${entry.call.state}` : ''}`}
      style={{ position: 'absolute', top: 0, left: 0, width: '100%', height: `${height}px`, transform: `translateY(${top}px)` }}
      onFocus={(event) => {
        if (event.target === event.currentTarget) onFocus();
      }}
      onKeyDown={onKeyDown}
    >
      {entry ? (
        <>
          <div className="history-row__line">
            <strong className="history-row__target">{name}</strong>
            <span className="history-row__outcome">{outcomeText(entry)}</span>
          </div>
          <div className="history-row__line history-row__meta">
            <span>{entry.profileLabel}</span>
            <time dateTime={new Date(entry.call.createdAt).toISOString()}>{formatWhen(entry.call.createdAt)}</time>
            <span className="history-row__vendor">{vendorText(entry)}</span>
          </div>
          <div className="history-row__line history-row__actions">
            <button type="button" tabIndex={tabIndex} aria-label={`Redial ${name}`} disabled={Boolean(blocker) || pending} onClick={() => onRedial(entry)}>
              {pending ? 'Redialling…' : 'Redial'}
            </button>
            <button type="button" tabIndex={tabIndex} className="link" aria-label={`Timeline of the call to ${name}`} onClick={() => onOpen(entry)}>
              Timeline
            </button>
            {blocker && <span className="history-row__note">{blocker}</span>}
          </div>
        </>
      ) : (
        <span className="history-row__loading">Loading…</span>
      )}
    </div>
  );
}
