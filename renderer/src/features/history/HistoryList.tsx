import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { HistoryEntry } from '../../../../shared/history';
import { HistoryRow } from './HistoryRow';
import { nextIndex } from './historyText';
import { useHistoryWindow } from './useHistoryWindow';

/** Rows have one fixed height, so the list never measures: scrolling 10,000 rows stays cheap. */
export const ROW_HEIGHT = 84;
const VIEWPORT_ROWS = 6;

interface HistoryListProps {
  query: string;
  profileIds: ReadonlySet<string>;
  /** The call being redialled, if any: its row's Redial waits. */
  pendingId: string | undefined;
  describedBy: string;
  onRedial(entry: HistoryEntry): void;
  onOpen(entry: HistoryEntry): void;
}

/**
 * The virtualised list of calls: only the rows in view (and a few around them) are in the
 * DOM. One row is in the tab order at a time (roving tabindex); the arrow keys, Page Up/Down,
 * Home and End move between rows, scrolling the list as they go.
 */
export function HistoryList({ query, profileIds, pendingId, describedBy, onRedial, onOpen }: HistoryListProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const rows = useRef(new Map<number, HTMLElement>());
  const pendingFocus = useRef<number | undefined>(undefined);
  const [active, setActive] = useState(0);
  const [range, setRange] = useState({ first: 0, last: VIEWPORT_ROWS * 2 });
  const history = useHistoryWindow(query, range.first, range.last);
  const total = history.total ?? 0;

  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 4,
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;

  useEffect(() => {
    setRange((current) => (current.first === first && current.last === last ? current : { first, last }));
  }, [first, last]);

  // A row the keyboard moved to may only exist once the list has scrolled to it.
  useEffect(() => {
    const wanted = pendingFocus.current;
    if (wanted === undefined) return;
    const row = rows.current.get(wanted);
    if (row) {
      pendingFocus.current = undefined;
      row.focus({ preventScroll: true });
    }
  });

  if (history.error) return <p role="alert">The history could not be read: {history.error.message}</p>;
  if (history.total === undefined) return <p aria-busy="true">Reading the history…</p>;
  if (total === 0) return <p className="empty">{query ? 'No call matches this search.' : 'No calls yet. Calls appear here when they end.'}</p>;

  const current = Math.min(active, total - 1);
  const moveTo = (index: number): void => {
    setActive(index);
    pendingFocus.current = index;
    virtualizer.scrollToIndex(index, { align: 'auto' });
  };
  const onRowKeyDown = (event: KeyboardEvent<HTMLElement>, index: number, entry: HistoryEntry | undefined): void => {
    // Keys on the row's own buttons belong to the buttons.
    if (event.target !== event.currentTarget) return;
    const next = nextIndex(event.key, index, total, VIEWPORT_ROWS - 1);
    if (next !== undefined) {
      event.preventDefault();
      moveTo(next);
    } else if (event.key === 'Enter' && entry) {
      event.preventDefault();
      // A held-down Enter repeats; only the first press is an intent to call.
      if (!event.repeat) onRedial(entry);
    } else if (event.key === ' ' && entry) {
      event.preventDefault();
      onOpen(entry);
    }
  };

  return (
    <div className="history__list">
      <p className="help" role="status">
        {total === 1 ? '1 call' : `${total} calls`}
        {query ? ' match' : ''}, newest first.
      </p>
      <div
        ref={scrollRef}
        className="history__scroller"
        role="list"
        aria-label="Calls"
        aria-describedby={describedBy}
        style={{ height: `${Math.min(total, VIEWPORT_ROWS) * ROW_HEIGHT}px` }}
      >
        <div role="none" style={{ height: `${virtualizer.getTotalSize()}px`, position: 'relative' }}>
          {items.map((item) => {
            const entry = history.entryAt(item.index);
            return (
              <HistoryRow
                key={item.key}
                index={item.index}
                total={total}
                entry={entry}
                active={item.index === current}
                profileIds={profileIds}
                pending={entry !== undefined && entry.call.id === pendingId}
                top={item.start}
                height={ROW_HEIGHT}
                rowRef={(element) => {
                  if (element) rows.current.set(item.index, element);
                  else rows.current.delete(item.index);
                }}
                onFocus={() => setActive(item.index)}
                onKeyDown={(event) => onRowKeyDown(event, item.index, entry)}
                onRedial={onRedial}
                onOpen={onOpen}
              />
            );
          })}
        </div>
      </div>
    </div>
  );
}
