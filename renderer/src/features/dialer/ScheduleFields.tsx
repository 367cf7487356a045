import { useId } from 'react';
import type { VendorCapabilities } from '../../../../shared/vendors/capabilities';
import { describeWait, parseStartAt, parseStartIn } from './schedule';

interface ScheduleFieldsProps {
  ids: { startIn: string; startAt: string };
  scheduling: VendorCapabilities['scheduling'];
  startIn: string;
  startAt: string;
  onStartIn(value: string): void;
  onStartAt(value: string): void;
  /** The field the dialer's message is about, and that message's id. */
  error: { field: string; id: string } | undefined;
}

const UNIT_MS = { seconds: 1_000, minutes: 60_000 } as const;

function formatStart(at: Date, now: Date): string {
  const sameDay = at.toDateString() === now.toDateString();
  const time = at.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit', second: '2-digit' });
  return sameDay ? time : `${at.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric', month: 'short' })} ${time}`;
}

/**
 * "Start in" / "Start at", only where the vendor can schedule, in its own unit and limit; each
 * says when the call would start, so the agent sees the vendor's unit at work.
 */
export function ScheduleFields({ ids, scheduling, startIn, startAt, onStartIn, onStartAt, error }: ScheduleFieldsProps) {
  const startInHelp = useId();
  const startAtHelp = useId();
  const now = new Date();
  const describedBy = (field: string, help: string): string => (error?.field === field ? `${help} ${error.id}` : help);

  let inPreview = '';
  if (scheduling.delayUnit && startIn.trim()) {
    const amount = parseStartIn(startIn, scheduling.delayUnit, scheduling.maxDelay);
    inPreview = amount.ok ? ` Starts at ${formatStart(new Date(now.getTime() + amount.value * UNIT_MS[scheduling.delayUnit]), now)}.` : ` ${amount.message}`;
  }
  let atPreview = '';
  if (scheduling.at && startAt.trim()) {
    const at = parseStartAt(startAt, now);
    atPreview = at.ok ? ` Starts ${formatStart(at.value, now)}, in ${describeWait(at.value.getTime() - now.getTime())}.` : ` ${at.message}`;
  }

  return (
    <>
      {scheduling.delayUnit && (
        <div className="field">
          <label htmlFor={ids.startIn}>Start in</label>
          <input
            id={ids.startIn}
            type="text"
            inputMode="numeric"
            autoComplete="off"
            value={startIn}
            aria-describedby={describedBy('startIn', startInHelp)}
            aria-invalid={error?.field === 'startIn'}
            onChange={(event) => onStartIn(event.target.value)}
          />
          <p id={startInHelp} className="help">
            In {scheduling.delayUnit}
            {scheduling.maxDelay !== null ? `, up to ${scheduling.maxDelay}` : ''}; leave empty to call now.{inPreview}
          </p>
        </div>
      )}
      {scheduling.at && (
        <div className="field">
          <label htmlFor={ids.startAt}>Start at</label>
          <input
            id={ids.startAt}
            type="text"
            autoComplete="off"
            placeholder="14:30 or 2026-11-21 14:30"
            value={startAt}
            aria-describedby={describedBy('startAt', startAtHelp)}
            aria-invalid={error?.field === 'startAt'}
            onChange={(event) => onStartAt(event.target.value)}
          />
          <p id={startAtHelp} className="help">
            Your local time, to the second.{atPreview}
          </p>
        </div>
      )}
    </>
  );
}
