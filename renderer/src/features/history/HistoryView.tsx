import { useDeferredValue, useId, useMemo, useRef, useState } from 'react';
import { redialDialRequest, type HistoryEntry } from '../../../../shared/history';
import type { ProfileSummary } from '../../../../shared/session';
import { ApiError, softphone, unwrap } from '../../api/softphoneClient';
import { useLive } from '../../state/liveStore';
import { describeTarget } from '../calls/callText';
import { CallDetails } from './CallDetails';
import { HistoryList } from './HistoryList';
import { redialBlocker } from './historyText';
import { useHistoryRefresh } from './useHistoryWindow';

interface HistoryViewProps {
  profiles: ProfileSummary[];
  /** A redial placed a call: the app shows it among the active calls. */
  onRedialled(callId: string): void;
}

/** Every call with its outcome and the vendor's words, searchable, each one a redial away. */
export function HistoryView({ profiles, onRedialled }: HistoryViewProps) {
  useHistoryRefresh();
  const ids = { title: useId(), search: useId(), searchHelp: useId(), keys: useId() };
  const [search, setSearch] = useState('');
  const query = useDeferredValue(search.trim());
  const [opened, setOpened] = useState<HistoryEntry | undefined>();
  const [pendingId, setPendingId] = useState<string | undefined>();
  const returnFocus = useRef<HTMLElement | null>(null);
  const alert = useLive((s) => s.alert);
  const profileIds = useMemo(() => new Set(profiles.map((profile) => profile.id)), [profiles]);

  const redial = async (entry: HistoryEntry): Promise<void> => {
    if (pendingId) return;
    const blocker = redialBlocker(entry, profileIds);
    if (blocker || !entry.redial) {
      alert({ title: `${describeTarget(entry.call)} cannot be redialled: ${blocker ?? 'nothing to call back'}.` });
      return;
    }
    setPendingId(entry.call.id);
    try {
      // A new intent: this press places at most one call, whatever happens to the old one.
      const { callId } = await unwrap(softphone['call.dial'](redialDialRequest(entry.redial, crypto.randomUUID())));
      onRedialled(callId);
    } catch (error) {
      const data = error instanceof ApiError ? error.data : { message: String(error) };
      alert({ title: data.message, ...('vendorMessage' in data && data.vendorMessage ? { vendorMessage: data.vendorMessage } : {}), ...('hint' in data && data.hint ? { hint: data.hint } : {}) });
    } finally {
      setPendingId(undefined);
    }
  };

  const open = (entry: HistoryEntry): void => {
    returnFocus.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpened(entry);
  };
  const close = (): void => {
    setOpened(undefined);
    const back = returnFocus.current;
    if (back?.isConnected) requestAnimationFrame(() => back.focus());
  };

  return (
    <section className="history" aria-labelledby={ids.title}>
      <h2 id={ids.title} tabIndex={-1}>
        History
      </h2>
      <div className="field">
        <label htmlFor={ids.search}>Search history</label>
        <input id={ids.search} type="text" autoComplete="off" value={search} aria-describedby={ids.searchHelp} onChange={(event) => setSearch(event.target.value)} />
        <small id={ids.searchHelp} className="help">
          Number, agent, profile, outcome or the vendor’s message; every word must match.
        </small>
      </div>
      <p id={ids.keys} className="help">
        In the list: ↑ and ↓ move between calls, Home and End jump to the first and last, <kbd>Enter</kbd> redials the call, <kbd>Space</kbd> shows its timeline.
      </p>
      <div className="history__body">
        <HistoryList key={query} query={query} profileIds={profileIds} pendingId={pendingId} describedBy={ids.keys} onRedial={(entry) => void redial(entry)} onOpen={open} />
        {opened && <CallDetails entry={opened} onClose={close} />}
      </div>
    </section>
  );
}
