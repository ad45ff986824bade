/**
 * New York wall time in the renderer: the market's clock, which the chart, the journal and its
 * analytics all show whatever the computer's own time zone (DST included, from the browser's
 * time-zone data).
 */
const parts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'America/New_York',
  hourCycle: 'h23',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
});
const HOUR = 3_600_000;
const offsetByHour = new Map<number, number>();

/** New York's offset from UTC at the instant `ms` (−4 h or −5 h, in ms); offsets only change on the hour. */
export function newYorkOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(parts.formatToParts(new Date(hour * HOUR)).map((x) => [x.type, x.value]));
    offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - hour * HOUR;
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/** "2025-07-01T09:31" for 2025-07-01T13:31Z: the value of a datetime-local input in New York time. */
export function toNewYorkInput(iso: string): string {
  const ms = Date.parse(iso);
  return new Date(ms + newYorkOffsetMs(ms)).toISOString().slice(0, 16);
}

/** "2025-07-01 09:31": a trade's time as the journal lists it. */
export function formatNewYork(iso: string): string {
  return toNewYorkInput(iso).replace('T', ' ');
}

/**
 * The instant (ISO, UTC) of a New York wall time "YYYY-MM-DDTHH:mm[:ss]"; undefined when it is not
 * one. A time skipped by the spring change (02:30 on the second Sunday of March) reads as after the
 * change; a time that happens twice in November reads as the first.
 */
export function fromNewYorkInput(text: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(text);
  if (!match) return undefined;
  const [y, mo, d, h, mi, s] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const wall = Date.UTC(y, mo - 1, d, h, mi, s);
  const check = new Date(wall);
  if (Number.isNaN(wall) || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59) return undefined;
  // Try the offset of the hours around the wall time; the first that maps back to it wins.
  for (const probe of [wall - 6 * HOUR, wall + 6 * HOUR]) {
    const instant = wall - newYorkOffsetMs(probe);
    if (instant + newYorkOffsetMs(instant) === wall) return new Date(instant).toISOString();
  }
  return new Date(wall - newYorkOffsetMs(wall)).toISOString();
}
