import { describe, expect, it } from 'vitest';
import { findDates, findPeriod } from './dates';

/** Read on Wednesday 2025-12-17 at 10:00 New York time; expected dates counted on a calendar. */
const NOW = Date.parse('2025-12-17T15:00:00Z');
const dates = (text: string) => findDates(text, NOW).map((d) => d.date);

describe('findDates', () => {
  it('reads weekdays forward from today, "next" a week further', () => {
    expect(dates('friday')).toEqual(['2025-12-19']);
    expect(dates('wed')).toEqual(['2025-12-17']);
    expect(dates('monday')).toEqual(['2025-12-22']);
    expect(dates('next friday')).toEqual(['2025-12-26']);
    expect(dates('today tomorrow yesterday')).toEqual(['2025-12-17', '2025-12-18', '2025-12-16']);
  });

  it('gives a month and day without a year the next time it comes round', () => {
    expect(dates('dec 19')).toEqual(['2025-12-19']);
    expect(dates('jan 5')).toEqual(['2026-01-05']);
    expect(dates('dec 1')).toEqual(['2026-12-01']);
    expect(dates('19th of december')).toEqual(['2025-12-19']);
    expect(dates('1/16')).toEqual(['2026-01-16']);
  });

  it('takes written years, two-digit ones included, and refuses dates that do not exist', () => {
    expect(dates('jan 15 2027')).toEqual(['2027-01-15']);
    expect(dates("jan 15 '27")).toEqual(['2027-01-15']);
    expect(dates('12/19/25')).toEqual(['2025-12-19']);
    expect(dates('2026-03-20')).toEqual(['2026-03-20']);
    expect(dates('feb 30 2026')).toEqual([]);
    expect(dates('2026-02-30')).toEqual([]);
  });

  it('reads a month and year as that month\'s standard expiry', () => {
    // Jan 1 2028 is a Saturday: Fridays 7, 14, 21. June 2026: Fridays 5, 12, 19 (Juneteenth, a holiday) → Thursday 18.
    expect(dates('jan 2028')).toEqual(['2028-01-21']);
    expect(dates("jun '26")).toEqual(['2026-06-18']);
  });

  it('keeps reading order and does not read a strike as a date', () => {
    expect(dates('roll 600c dec 19 to jan 16 2027')).toEqual(['2025-12-19', '2027-01-16']);
    expect(dates('600/610 call spread')).toEqual([]);
  });
});

describe('findPeriod', () => {
  it('turns look-back words into from/to dates', () => {
    expect(findPeriod('this week', NOW)).toEqual({ from: '2025-12-15', to: '2025-12-17', label: 'this week' });
    expect(findPeriod('last week', NOW)).toEqual({ from: '2025-12-08', to: '2025-12-14', label: 'last week' });
    expect(findPeriod('last month', NOW)).toEqual({ from: '2025-11-01', to: '2025-11-30', label: 'last month' });
    expect(findPeriod('last 30 days', NOW)).toEqual({ from: '2025-11-17', to: '2025-12-17', label: 'the last 30 days' });
    expect(findPeriod('in march', NOW)).toEqual({ from: '2025-03-01', to: '2025-03-31', label: 'March 2025' });
    expect(findPeriod('spx levels', NOW)).toBeNull();
  });
});
