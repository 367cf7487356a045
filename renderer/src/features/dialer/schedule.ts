export type DelayUnit = 'seconds' | 'minutes';

export type ScheduleParse<T> = { ok: true; value: T } | { ok: false; message: string };

/**
 * "Start in": a whole number in the vendor's own unit, up to its maximum. Never converted
 * between units: IOVOX counts minutes, Oracle seconds, and the field says which.
 */
export function parseStartIn(text: string, unit: DelayUnit, max: number | null): ScheduleParse<number> {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed) || Number(trimmed) === 0) return { ok: false, message: `"Start in" takes a whole number of ${unit}, such as 5.` };
  const amount = Number(trimmed);
  if (max !== null && amount > max) return { ok: false, message: `"Start in" can be at most ${max} ${unit} on this profile.` };
  return { ok: true, value: amount };
}

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const TIME = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "Start at": `2026-11-21 14:30`, or just `14:30` (today, or tomorrow once that time has
 * passed), in local time, to the second. It must be in the future.
 */
export function parseStartAt(text: string, now: Date): ScheduleParse<Date> {
  const trimmed = text.trim();
  const full = DATE_TIME.exec(trimmed);
  const time = TIME.exec(trimmed);
  if (!full && !time) return { ok: false, message: '"Start at" takes a time such as 14:30, or a date and time such as 2026-11-21 14:30.' };
  const [year, month, day] = full ? [Number(full[1]), Number(full[2]) - 1, Number(full[3])] : [now.getFullYear(), now.getMonth(), now.getDate()];
  const [hour = 0, minute = 0, second = 0] = (full ? full.slice(4) : (time ?? []).slice(1)).map((part) => Number(part ?? 0));
  if (hour > 23 || minute > 59 || second > 59) return { ok: false, message: `"${trimmed}" is not a time of day.` };
  let at = new Date(year, month, day, hour, minute, second);
  // Date rolls 2026-02-30 over to March, and a time skipped by a clock change to the next hour.
  if (at.getMonth() !== month || at.getDate() !== day || at.getHours() !== hour) return { ok: false, message: `"${trimmed}" is not a date and time that exists here.` };
  if (!full && at.getTime() <= now.getTime()) at = new Date(year, month, day + 1, hour, minute, second);
  if (at.getTime() <= now.getTime()) return { ok: false, message: `${trimmed} has passed: choose a time in the future.` };
  return { ok: true, value: at };
}

/** `45 s`, `5 min`, `2 h 5 min`, `3 days`: how long until a start, for people. */
export function describeWait(ms: number): string {
  const seconds = Math.max(0, Math.round(ms / 1000));
  if (seconds < 60) return `${seconds} s`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return minutes % 60 === 0 ? `${hours} h` : `${hours} h ${minutes % 60} min`;
  return `${Math.round(hours / 24)} days`;
}
