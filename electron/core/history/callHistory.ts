import type { CallRecord } from '../../../shared/callModel';
import type { DialRequest } from '../../../shared/ipc/contract';
import type { Logger } from '../../vendors/adapter';
import type { EventBus } from '../events/eventBus';
import { createHistoryHandlers } from './historyHandlers';
import { HistoryRecorder } from './historyRecorder';
import { HistoryStore } from './historyStore';

export interface CallHistoryDeps {
  /** `history.jsonl` in the data dir. */
  file: string;
  log: Logger;
  bus: EventBus;
  callKnown(callId: string): boolean;
  profileLabel(profileId: string): string | undefined;
}

export interface CallHistory {
  store: HistoryStore;
  handlers: ReturnType<typeof createHistoryHandlers>;
  /** Hand to the dial service: remembers each new call's request for redial. */
  dialing(callId: string, request: DialRequest): void;
  /** At shutdown, once the sessions are gone: writes the calls that never finished, then waits for the disk. */
  close(unfinished: readonly CallRecord[]): Promise<void>;
}

/** The history file, the recorder that feeds it from the call events, and its channels. */
export function openCallHistory(deps: CallHistoryDeps): CallHistory {
  const store = new HistoryStore(deps.file, deps.log);
  const recorder = new HistoryRecorder({
    store,
    profileLabel: deps.profileLabel,
    callKnown: deps.callKnown,
    appended: (entry) => deps.bus.publish({ type: 'history.appended', entry }),
  });
  const unsubscribe = deps.bus.subscribe((event) => {
    if (event.type === 'call.updated') recorder.callUpdated(event.call);
  });
  return {
    store,
    handlers: createHistoryHandlers(store),
    dialing: (callId, request) => recorder.dialing(callId, request),
    close: async (unfinished) => {
      unsubscribe();
      recorder.recordUnfinished(unfinished);
      await store.close();
    },
  };
}
