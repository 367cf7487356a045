import { memo, useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { STATE_LABELS, isFinalState, type CallRecord } from '../../../../shared/callModel';
import type { ProfileSummary } from '../../../../shared/session';
import { ApiError, softphone, unwrap } from '../../api/softphoneClient';
import { callFocusDone, requestNumberFocus, useFocusRequests } from '../../state/focusRequests';
import { useLive } from '../../state/liveStore';
import { callName, describeTarget, formatClock, formatStart } from './callText';

type Action = 'call.hangup' | 'call.hold' | 'call.retrieve';

/** Records are replaced, never mutated: a card re-renders only when its call changed. */
export const CallCard = memo(function CallCard({ call, profile }: { call: CallRecord; profile: ProfileSummary | undefined }) {
  const [timelineOpen, setTimelineOpen] = useState(false);
  const profileLabel = profile?.label ?? call.profileId;
  const progressNote = profile?.capabilities.progressNote;
  const alert = useLive((s) => s.alert);
  const dismiss = useLive((s) => s.dismissCall);
  const [digits, setDigits] = useState('');
  const [busy, setBusy] = useState(false);
  const digitsId = useId();
  const name = describeTarget(call);
  const final = isFinalState(call.state);
  const last = call.timeline[call.timeline.length - 1];
  const articleRef = useRef<HTMLElement>(null);
  const holdRef = useRef<HTMLButtonElement>(null);
  const resumeRef = useRef<HTMLButtonElement>(null);
  // Hold and Resume replace each other: the focus follows to the button that replaced the one pressed.
  const [focusNext, setFocusNext] = useState<'hold' | 'resume' | undefined>();
  const focusRequest = useFocusRequests((s) => s.call);

  // A dial placed this call: the focus comes here, so the agent hears it and can act on it.
  useEffect(() => {
    if (focusRequest?.id !== call.id) return;
    articleRef.current?.focus();
    callFocusDone(focusRequest.seq);
  }, [focusRequest, call.id]);

  useEffect(() => {
    const button = focusNext === 'hold' ? holdRef.current : focusNext === 'resume' ? resumeRef.current : null;
    if (!button) return;
    button.focus();
    setFocusNext(undefined);
  }, [focusNext, call.actions]);

  const run = async (action: Action | 'call.sendDigits', extra: Record<string, string> = {}): Promise<boolean> => {
    setBusy(true);
    try {
      if (action === 'call.sendDigits') await unwrap(softphone['call.sendDigits']({ callId: call.id, digits: extra.digits ?? '' }));
      else await unwrap(softphone[action]({ callId: call.id }));
      if (action === 'call.hangup') requestNumberFocus();
      if (action === 'call.hold' || action === 'call.retrieve') {
        // Until the vendor confirms and the other button appears, the card keeps the focus.
        articleRef.current?.focus();
        setFocusNext(action === 'call.hold' ? 'resume' : 'hold');
      }
      return true;
    } catch (error) {
      const data = error instanceof ApiError ? error.data : { message: String(error) };
      alert({ title: data.message, ...('vendorMessage' in data && data.vendorMessage ? { vendorMessage: data.vendorMessage } : {}), ...('hint' in data && data.hint ? { hint: data.hint } : {}) });
      return false;
    } finally {
      setBusy(false);
    }
  };

  const sendDigits = async (event: FormEvent): Promise<void> => {
    event.preventDefault();
    if (digits && (await run('call.sendDigits', { digits }))) setDigits('');
  };

  const can = (action: CallRecord['actions'][number]): boolean => call.actions.includes(action);
  return (
    <article ref={articleRef} className={`call call--${call.state}`} aria-label={callName(call)} tabIndex={-1} data-call-id={call.id}>
      <header className="call__header">
        <h3 className="call__title">{name}</h3>
        <span className="call__profile">{profileLabel}</span>
      </header>
      <p className="call__state">
        <strong className="call__state-label">{STATE_LABELS[call.state]}</strong>
        {last && last.rawState !== call.state && <span className="call__raw"> · vendor: {last.rawState}</span>}
      </p>
      {call.scheduledAt !== undefined && (call.state === 'scheduled' || call.state === 'requested') && (
        <p className="call__schedule">
          Scheduled for <time dateTime={new Date(call.scheduledAt).toISOString()}>{formatStart(call.scheduledAt, Date.now())}</time>
          {can('cancel') ? '' : call.state === 'scheduled' ? `; ${profileLabel} cannot cancel it` : ''}
        </p>
      )}
      {progressNote && <p className="call__note">{progressNote}</p>}
      {call.failure && (
        <p className="call__failure">
          {call.failure.message}
          {call.failure.hint && <span className="call__hint"> {call.failure.hint}</span>}
        </p>
      )}
      {!final && (
        <div className="call__actions">
          {(can('hangup') || can('cancel')) && (
            <button type="button" className="danger" disabled={busy} onClick={() => void run('call.hangup')}>
              {call.state === 'scheduled' && can('cancel') ? 'Cancel call' : 'Hang up'}
            </button>
          )}
          {can('hold') && (
            <button ref={holdRef} type="button" disabled={busy} onClick={() => void run('call.hold')}>
              Hold
            </button>
          )}
          {can('retrieve') && (
            <button ref={resumeRef} type="button" disabled={busy} onClick={() => void run('call.retrieve')}>
              Resume
            </button>
          )}
          {can('dtmf') && (
            <form className="call__dtmf" onSubmit={(e) => void sendDigits(e)}>
              <label htmlFor={digitsId}>Send digits</label>
              <input id={digitsId} type="text" inputMode="tel" autoComplete="off" value={digits} onChange={(e) => setDigits(e.target.value)} />
              <button type="submit" disabled={busy || !digits}>
                Send
              </button>
            </form>
          )}
        </div>
      )}
      <details className="call__timeline" onToggle={(e) => setTimelineOpen(e.currentTarget.open)}>
        <summary>Timeline</summary>
        {/* Rendered only while open: hundreds of cards' timelines would otherwise fill the DOM. */}
        {timelineOpen && (
          <ol>
            {call.timeline.map((entry, index) => (
              <li key={index}>
                <time dateTime={new Date(entry.at).toISOString()}>{formatClock(entry.at)}</time> {STATE_LABELS[entry.state]} — {entry.rawState}
                {entry.sourceEvent && entry.sourceEvent !== entry.rawState ? ` (${entry.sourceEvent})` : ''}
              </li>
            ))}
          </ol>
        )}
      </details>
      {final && (
        <button
          type="button"
          className="link"
          onClick={() => {
            dismiss(call.id);
            requestNumberFocus();
          }}
        >
          Dismiss
        </button>
      )}
    </article>
  );
});
