const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
/** RFC 2822 §4.3 obsolete zones, in minutes east of UTC. */
const NAMED_ZONES: Record<string, number> = { UT: 0, GMT: 0, Z: 0, EST: -300, EDT: -240, CST: -360, CDT: -300, MST: -420, MDT: -360, PST: -480, PDT: -420 };

const DATE_TIME =
  /^\s*(?:(Mon|Tue|Wed|Thu|Fri|Sat|Sun)\s*,\s*)?(\d{1,2})\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\s+(\d{4})\s+(\d{2}):(\d{2})(?::(\d{2}))?\s+([+-]\d{4}|UT|GMT|Z|[ECMP][SD]T)\s*$/;

/**
 * Parses an RFC 2822 date-time (`Mon, 29 Jul 2013 16:30:00 +0000`) strictly: the emulator
 * refuses what `Date.parse` would guess at. Returns epoch ms, or undefined.
 */
export function parseRfc2822(text: string): number | undefined {
  const match = DATE_TIME.exec(text);
  if (!match) return undefined;
  const [, dayName, day, month, year, hour, minute, second = '00', zone = ''] = match;
  const offsetMinutes =
    zone in NAMED_ZONES ? (NAMED_ZONES[zone] ?? 0) : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(3, 5)));
  const wall = new Date(Date.UTC(Number(year), MONTHS.indexOf(month ?? ''), Number(day), Number(hour), Number(minute), Number(second)));
  const fieldsExist =
    wall.getUTCDate() === Number(day) && wall.getUTCHours() === Number(hour) && wall.getUTCMinutes() === Number(minute) && wall.getUTCSeconds() === Number(second);
  if (!fieldsExist) return undefined;
  if (dayName !== undefined && DAYS[wall.getUTCDay()] !== dayName) return undefined;
  return wall.getTime() - offsetMinutes * 60_000;
}
