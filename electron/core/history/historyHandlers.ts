import type { Handlers } from '../ipc/contractRouter';
import type { HistoryStore } from './historyStore';

type HistoryHandlers = Pick<Handlers, 'history.list'>;

/** The history.* channels. Redial needs none: the renderer sends `call.dial` with the entry's request and a new intent. */
export function createHistoryHandlers(store: HistoryStore): HistoryHandlers {
  return {
    'history.list': async (query) => store.list(query),
  };
}
