/**
 * Scheduled FOMC rate decisions, CPI releases and Employment Situation (payrolls) releases, 2025–2027.
 *
 * Sources (retrieved 2026-12-02 with the project's `search` tool; the tool serves stored copies of
 * public pages, not the live sites, so each list was cross-checked against a second copy):
 * - FOMC: the Federal Reserve's calendar https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm
 *   and its press releases "FOMC announces its tentative meeting schedule for 2025 and 2026"
 *   (2024-08-09) and "... for 2027" (2025-09-05), read as republished verbatim by EIN Presswire
 *   (einpresswire.com/article/734356622 and /846495920) and the ABA Banking Journal (2024-08-12).
 *   The Fed calls every schedule "tentative" until the year comes; 2027 is kept `tentative` here.
 * - CPI and payrolls: the BLS schedules https://www.bls.gov/schedule/news_release/cpi.htm,
 *   https://www.bls.gov/schedule/news_release/empsit.htm and https://www.bls.gov/schedule/2026/home.htm,
 *   with the shutdown changes of https://www.bls.gov/bls/2025-lapse-revised-release-dates.htm and
 *   https://www.bls.gov/bls/092025-cpi-reschedule-notice.htm. The stored copies of the bls.gov
 *   schedule pages were older years only, so the 2025–2026 dates were taken from two independent
 *   public lists transcribed from those BLS schedules (a C# table "BLS official schedule" and a
 *   Python fallback "official 2026 schedule"), which agree date for date, and checked against the
 *   reports of each change (Reuters 2025-11-20/21, BLS notice of 2025-10-10, Bloomberg Tax 2026-02-04).
 * - Not found: the BLS release schedule for 2027 (CPI and payrolls). Those releases are left out
 *   rather than guessed; `CALENDAR_COVERAGE` says so and the app shows "not yet scheduled".
 *
 * What the two government shutdowns changed (as published by BLS):
 * - 2025-10-01 to 2025-11-12: September CPI moved from 10-15 to 10-24; September payrolls from 10-03
 *   to 11-20; the October 2025 CPI (due 11-13) and the October Employment Situation were cancelled
 *   (October payrolls came with November's report; October's household survey was never collected);
 *   November payrolls moved from 12-05 to 12-16 and November CPI from 12-10 to 12-18.
 * - 2026-01-31 to 2026-02-03: January payrolls moved from 02-06 to 02-11, January CPI from 02-11 to 02-13.
 */
import type { MacroEventKind } from '../../shared/schemas/macro';

export interface FomcDecision {
  /** The meeting's second day, when the statement comes out (14:00 ET). */
  date: string;
  /** 'Jan 27–28' */
  meeting: string;
  /** A Summary of Economic Projections (dot plot) is released with it. */
  projections: boolean;
  tentative: boolean;
}

export interface DataRelease {
  date: string;
  /** The month the data describe, YYYY-MM. */
  period: string;
  rescheduledFrom?: string;
  note?: string;
}

const fomc = (date: string, meeting: string, projections: boolean, tentative = false): FomcDecision => ({ date, meeting, projections, tentative });

/** FOMC statement days; the SEP flags follow the Fed calendar's asterisks (2027's are not announced yet). */
export const FOMC_DECISIONS: readonly FomcDecision[] = [
  fomc('2025-01-29', 'Jan 28–29', false),
  fomc('2025-03-19', 'Mar 18–19', true),
  fomc('2025-05-07', 'May 6–7', false),
  fomc('2025-06-18', 'Jun 17–18', true),
  fomc('2025-07-30', 'Jul 29–30', false),
  fomc('2025-09-17', 'Sep 16–17', true),
  fomc('2025-10-29', 'Oct 28–29', false),
  fomc('2025-12-10', 'Dec 9–10', true),
  fomc('2026-01-28', 'Jan 27–28', false),
  fomc('2026-03-18', 'Mar 17–18', true),
  fomc('2026-04-29', 'Apr 28–29', false),
  fomc('2026-06-17', 'Jun 16–17', true),
  fomc('2026-07-29', 'Jul 28–29', false),
  fomc('2026-09-16', 'Sep 15–16', true),
  fomc('2026-10-28', 'Oct 27–28', false),
  fomc('2026-12-09', 'Dec 8–9', true),
  fomc('2027-01-27', 'Jan 26–27', false, true),
  fomc('2027-03-17', 'Mar 16–17', false, true),
  fomc('2027-04-28', 'Apr 27–28', false, true),
  fomc('2027-06-09', 'Jun 8–9', false, true),
  fomc('2027-07-28', 'Jul 27–28', false, true),
  fomc('2027-09-15', 'Sep 14–15', false, true),
  fomc('2027-10-27', 'Oct 26–27', false, true),
  fomc('2027-12-08', 'Dec 7–8', false, true),
];

const release = (date: string, period: string, extra: Omit<DataRelease, 'date' | 'period'> = {}): DataRelease => ({ date, period, ...extra });

/** Consumer Price Index releases (08:30 ET), by release date. */
export const CPI_RELEASES: readonly DataRelease[] = [
  release('2025-01-15', '2024-12'),
  release('2025-02-12', '2025-01'),
  release('2025-03-12', '2025-02'),
  release('2025-04-10', '2025-03'),
  release('2025-05-13', '2025-04'),
  release('2025-06-11', '2025-05'),
  release('2025-07-15', '2025-06'),
  release('2025-08-12', '2025-07'),
  release('2025-09-11', '2025-08'),
  release('2025-10-24', '2025-09', { rescheduledFrom: '2025-10-15', note: 'Published during the shutdown so Social Security could set its cost-of-living adjustment.' }),
  release('2025-12-18', '2025-11', {
    rescheduledFrom: '2025-12-10',
    note: 'The October 2025 CPI (due 2025-11-13) was cancelled: its prices could not be collected during the shutdown. Some October values came with this release.',
  }),
  release('2026-01-13', '2025-12'),
  release('2026-02-13', '2026-01', { rescheduledFrom: '2026-02-11', note: 'Moved by the partial shutdown of 2026-01-31 to 2026-02-03.' }),
  release('2026-03-11', '2026-02'),
  release('2026-04-10', '2026-03'),
  release('2026-05-12', '2026-04'),
  release('2026-06-10', '2026-05'),
  release('2026-07-14', '2026-06'),
  release('2026-08-12', '2026-07'),
  release('2026-09-11', '2026-08'),
  release('2026-10-14', '2026-09'),
  release('2026-11-10', '2026-10'),
  release('2026-12-10', '2026-11'),
];

/** Employment Situation releases (nonfarm payrolls, 08:30 ET), by release date. */
export const NFP_RELEASES: readonly DataRelease[] = [
  release('2025-01-10', '2024-12'),
  release('2025-02-07', '2025-01'),
  release('2025-03-07', '2025-02'),
  release('2025-04-04', '2025-03'),
  release('2025-05-02', '2025-04'),
  release('2025-06-06', '2025-05'),
  release('2025-07-03', '2025-06', { note: 'Thursday: July 4 fell on the Friday.' }),
  release('2025-08-01', '2025-07'),
  release('2025-09-05', '2025-08'),
  release('2025-11-20', '2025-09', { rescheduledFrom: '2025-10-03', note: 'Delayed by the 2025-10-01 to 2025-11-12 shutdown.' }),
  release('2025-12-16', '2025-11', {
    rescheduledFrom: '2025-12-05',
    note: 'No October 2025 report was published: October payrolls came with this release; the October household survey (unemployment rate) was never collected.',
  }),
  release('2026-01-09', '2025-12'),
  release('2026-02-11', '2026-01', { rescheduledFrom: '2026-02-06', note: 'Moved by the partial shutdown of 2026-01-31 to 2026-02-03.' }),
  release('2026-03-06', '2026-02'),
  release('2026-04-03', '2026-03'),
  release('2026-05-08', '2026-04'),
  release('2026-06-05', '2026-05'),
  release('2026-07-02', '2026-06', { note: 'Thursday: Independence Day is observed on Friday 2026-07-03.' }),
  release('2026-08-07', '2026-07'),
  release('2026-09-04', '2026-08'),
  release('2026-10-02', '2026-09'),
  release('2026-11-06', '2026-10'),
  release('2026-12-04', '2026-11'),
];

export interface CalendarCoverage {
  agency: string;
  urls: string[];
  note: string;
}

/** Where each list comes from and where it stops (shown in the app under the calendar). */
export const CALENDAR_COVERAGE: Readonly<Record<MacroEventKind, CalendarCoverage>> = {
  fomc: {
    agency: 'Federal Reserve Board',
    urls: ['https://www.federalreserve.gov/monetarypolicy/fomccalendars.htm'],
    note: 'Schedules announced 2024-08-09 (2025–2026) and 2025-09-05 (2027, tentative; the next meeting is set for 2028-01-25/26).',
  },
  cpi: {
    agency: 'Bureau of Labor Statistics',
    urls: ['https://www.bls.gov/schedule/news_release/cpi.htm', 'https://www.bls.gov/bls/2025-lapse-revised-release-dates.htm'],
    note: 'BLS 2027 CPI dates are not in the app yet (not found when the calendar was compiled on 2026-12-02); releases after 2026-12-10 show as not yet scheduled.',
  },
  nfp: {
    agency: 'Bureau of Labor Statistics',
    urls: ['https://www.bls.gov/schedule/news_release/empsit.htm', 'https://www.bls.gov/bls/2025-lapse-revised-release-dates.htm'],
    note: 'BLS 2027 Employment Situation dates are not in the app yet (not found when the calendar was compiled on 2026-12-02); releases after 2026-12-04 show as not yet scheduled.',
  },
};
