import { DateTime, IANAZone } from 'luxon';

/**
 * The calendar month an instant falls in, as `YYYY-MM`, in an IANA time zone. The monthly query
 * count resets when this changes, i.e. at local midnight on the first of the month.
 */
export function calendarMonth(at: Date, timeZone: string): string {
  return DateTime.fromJSDate(at, { zone: timeZone }).toFormat('yyyy-MM');
}

/** The machine's time zone (what the user's clock shows), e.g. `Europe/Paris`. */
export function systemTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

export function assertTimeZone(timeZone: string): string {
  if (!IANAZone.isValidZone(timeZone)) throw new Error(`Unknown time zone: ${timeZone}`);
  return timeZone;
}
