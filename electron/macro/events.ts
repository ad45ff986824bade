import { DateTime } from 'luxon';
import type { MacroEvent, MacroEventKind } from '../../shared/schemas/macro';
import { daysBetween, MARKET_ZONE, marketDate } from '../market/calendar';
import { CALENDAR_COVERAGE, CPI_RELEASES, FOMC_DECISIONS, NFP_RELEASES, type DataRelease } from './event-calendar';

/** Release times in New York: FOMC statements at 14:00, BLS data at 08:30. */
const RELEASE_TIME: Readonly<Record<MacroEventKind, string>> = { fomc: '14:00', cpi: '08:30', nfp: '08:30' };

type CalendarEntry = Omit<MacroEvent, 'daysUntil'>;

const monthName = (period: string) => DateTime.fromISO(`${period}-01`, { zone: 'UTC' }).toFormat('LLLL yyyy');

function at(date: string, time: string): number {
  return DateTime.fromISO(`${date}T${time}`, { zone: MARKET_ZONE }).toMillis();
}

function dataEntry(kind: 'cpi' | 'nfp', r: DataRelease): CalendarEntry {
  const time = RELEASE_TIME[kind];
  const what = kind === 'cpi' ? 'CPI' : 'Employment Situation (payrolls)';
  return {
    kind,
    date: r.date,
    time,
    at: at(r.date, time),
    title: `${what} for ${monthName(r.period)}`,
    referencePeriod: r.period,
    tentative: false,
    rescheduledFrom: r.rescheduledFrom ?? null,
    note: r.note ?? null,
  };
}

/** Every scheduled event of the calendar, oldest first. */
export const MACRO_CALENDAR: readonly CalendarEntry[] = [
  ...FOMC_DECISIONS.map(
    (d): CalendarEntry => ({
      kind: 'fomc',
      date: d.date,
      time: RELEASE_TIME.fomc,
      at: at(d.date, RELEASE_TIME.fomc),
      title: `FOMC decision (${d.meeting} meeting)`,
      referencePeriod: null,
      tentative: d.tentative,
      rescheduledFrom: null,
      note: [d.projections ? 'With the Summary of Economic Projections (dot plot).' : '', d.tentative ? 'Tentative: the Fed confirms each year’s schedule the year before.' : '']
        .filter(Boolean)
        .join(' ') || null,
    }),
  ),
  ...CPI_RELEASES.map((r) => dataEntry('cpi', r)),
  ...NFP_RELEASES.map((r) => dataEntry('nfp', r)),
].sort((a, b) => a.at - b.at || a.kind.localeCompare(b.kind));

function withDays(entry: CalendarEntry, today: string): MacroEvent {
  return { ...entry, daysUntil: daysBetween(today, entry.date) };
}

/**
 * Events still ahead at `now`: an event is upcoming until its release instant has passed (the 08:30
 * CPI is still "today" at 08:29 and gone at 08:31).
 */
export function upcomingEvents(now: number, limit: number, calendar: readonly CalendarEntry[] = MACRO_CALENDAR): MacroEvent[] {
  const today = marketDate(now);
  return calendar.filter((e) => e.at >= now).slice(0, limit).map((e) => withDays(e, today));
}

/** The next event of each kind, or null when the agency's schedule is not known that far (see CALENDAR_COVERAGE). */
export function nextEvents(now: number, calendar: readonly CalendarEntry[] = MACRO_CALENDAR): Record<MacroEventKind, MacroEvent | null> {
  const today = marketDate(now);
  const next = (kind: MacroEventKind) => {
    const found = calendar.find((e) => e.kind === kind && e.at >= now);
    return found ? withDays(found, today) : null;
  };
  return { fomc: next('fomc'), cpi: next('cpi'), nfp: next('nfp') };
}

/** The sources of each list and the last date it covers. */
export function calendarSources(calendar: readonly CalendarEntry[] = MACRO_CALENDAR) {
  return (Object.keys(CALENDAR_COVERAGE) as MacroEventKind[]).map((kind) => ({
    kind,
    ...CALENDAR_COVERAGE[kind],
    coveredThrough: calendar.filter((e) => e.kind === kind).at(-1)?.date ?? '',
  }));
}
