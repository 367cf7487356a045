import { useEffect, useMemo } from 'react';
import { keepPreviousData, useQueries, useQueryClient } from '@tanstack/react-query';
import type { HistoryEntry } from '../../../../shared/history';
import { softphone, unwrap } from '../../api/softphoneClient';

export const HISTORY_PAGE = 100;
const REFRESH_AT_MOST_EVERY_MS = 500;

export interface HistoryWindow {
  total: number | undefined;
  entryAt(index: number): HistoryEntry | undefined;
  error: Error | null;
}

/**
 * Only the pages of history the list shows are fetched (newest first, a page at a time), so
 * 10,000 calls cost the renderer a few hundred entries. Page 0 is always read: it carries
 * the total that sizes the scroll area.
 */
export function useHistoryWindow(query: string, firstIndex: number, lastIndex: number): HistoryWindow {
  const pages = useMemo(() => {
    const wanted = new Set([0]);
    for (let page = Math.floor(firstIndex / HISTORY_PAGE); page <= Math.floor(lastIndex / HISTORY_PAGE); page += 1) wanted.add(page);
    return [...wanted];
  }, [firstIndex, lastIndex]);

  const results = useQueries({
    queries: pages.map((page) => ({
      queryKey: ['history', query, page],
      queryFn: () => unwrap(softphone['history.list']({ ...(query ? { query } : {}), offset: page * HISTORY_PAGE, limit: HISTORY_PAGE })),
      staleTime: 60_000,
      // Pages scrolled past are dropped soon, so a long scroll does not keep the whole history in memory.
      gcTime: 30_000,
      // While a new search runs, page 0 keeps the last answer so the list does not collapse.
      ...(page === 0 ? { placeholderData: keepPreviousData } : {}),
    })),
  });

  const byPage = new Map(pages.map((page, index) => [page, results[index]?.data]));
  return {
    total: byPage.get(0)?.total,
    entryAt: (index) => byPage.get(Math.floor(index / HISTORY_PAGE))?.entries[index % HISTORY_PAGE],
    error: results.find((result) => result.error)?.error ?? null,
  };
}

/** New entries arrive as `history.appended` events; the shown pages are re-read, at most twice a second. */
export function useHistoryRefresh(): void {
  const client = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const unsubscribe = softphone.onEvent((event) => {
      if (event.type !== 'history.appended' || timer) return;
      timer = setTimeout(() => {
        timer = undefined;
        void client.invalidateQueries({ queryKey: ['history'] });
      }, REFRESH_AT_MOST_EVERY_MS);
    });
    return () => {
      unsubscribe();
      clearTimeout(timer);
    };
  }, [client]);
}
