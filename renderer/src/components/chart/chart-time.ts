import type { UTCTimestamp } from 'lightweight-charts';

/**
 * lightweight-charts draws timestamps as UTC. Bars are shown in New York time, as traders read
 * them, so each timestamp is shifted by New York's UTC offset at that instant (DST included).
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
const offsetByHour = new Map<number, number>();

function newYorkOffsetMs(ms: number): number {
  const hour = Math.floor(ms / 3_600_000);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const p = Object.fromEntries(parts.formatToParts(new Date(hour * 3_600_000)).map((x) => [x.type, x.value]));
    offset = Date.UTC(Number(p.year), Number(p.month) - 1, Number(p.day), Number(p.hour), Number(p.minute)) - hour * 3_600_000;
    offsetByHour.set(hour, offset);
  }
  return offset;
}

export function toChartTime(ms: number): UTCTimestamp {
  return ((ms + newYorkOffsetMs(ms)) / 1000) as UTCTimestamp;
}
