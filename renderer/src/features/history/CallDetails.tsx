import { useEffect, useId, useRef } from 'react';
import { STATE_LABELS } from '../../../../shared/callModel';
import type { HistoryEntry } from '../../../../shared/history';
import { describeTarget, formatClock } from '../calls/callText';
import { formatWhen, outcomeText } from './historyText';

/** One call from the history in full: what was dialled, with what, and every state the vendor reported. */
export function CallDetails({ entry, onClose }: { entry: HistoryEntry; onClose(): void }) {
  const titleId = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  const { call, redial } = entry;
  const name = describeTarget(call);

  useEffect(() => {
    heading.current?.focus();
  }, [entry]);

  return (
    <section
      className="history-details"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          onClose();
        }
      }}
    >
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        Call to {name}
      </h3>
      <dl className="history-details__facts">
        <dt>Profile</dt>
        <dd>{entry.profileLabel}</dd>
        <dt>Started</dt>
        <dd>{formatWhen(call.createdAt)}</dd>
        <dt>Outcome</dt>
        <dd>{outcomeText(entry)}</dd>
        {call.failure && (
          <>
            <dt>Vendor said</dt>
            <dd>
              “{call.failure.message}”{call.failure.hint ? ` — ${call.failure.hint}` : ''}
            </dd>
          </>
        )}
        {call.target.kind === 'phone' && call.target.postDial && (
          <>
            <dt>Post-dial digits</dt>
            <dd>{call.target.postDial}</dd>
          </>
        )}
        {redial?.scheduleKind && (
          <>
            <dt>Scheduled</dt>
            <dd>{redial.scheduleKind === 'in' ? 'After a delay' : 'At a set time'}; a redial calls now.</dd>
          </>
        )}
      </dl>
      <h4>Timeline</h4>
      <ol className="history-details__timeline">
        {call.timeline.map((step, index) => (
          <li key={index}>
            <time dateTime={new Date(step.at).toISOString()}>{formatClock(step.at)}</time> {STATE_LABELS[step.state]} — {step.rawState}
            {step.sourceEvent && step.sourceEvent !== step.rawState ? ` (${step.sourceEvent})` : ''}
          </li>
        ))}
      </ol>
      <button type="button" onClick={onClose}>
        Close details
      </button>
    </section>
  );
}
