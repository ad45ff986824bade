import { nextSession, sessionFor } from '../../market/calendar';

const MINUTE_MS = 60_000;

/**
 * When a schedule runs next, as an instant (at or before `now`: it is due). In market hours only,
 * the NYSE regular session (09:30 to the close, 13:00 on an early close): at the open, or at once
 * when it has not run yet this session, then every `everyMinutes` after its last run; a run that
 * would fall at or after the close waits for the next session's open. `allHours`
 * (SCANNER_ALL_HOURS: tests, demos) drops the market hours: at once, then every `everyMinutes`.
 */
export function nextRunAt(everyMinutes: number, lastRunAt: number | null, now: number, allHours = false): number {
  if (allHours) return lastRunAt === null ? now : lastRunAt + everyMinutes * MINUTE_MS;
  const today = sessionFor(now);
  if (today && now < today.close) {
    const ranThisSession = lastRunAt !== null && lastRunAt >= today.open;
    const next = ranThisSession ? lastRunAt + everyMinutes * MINUTE_MS : Math.max(today.open, now);
    if (next < today.close) return next;
  }
  return nextSession(now).open;
}
