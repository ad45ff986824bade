import { describe, expect, it } from 'vitest';
import { formatNewYork, fromNewYorkInput, newYorkOffsetMs, toNewYorkInput } from './new-york-time';

const HOUR = 3_600_000;

// US Eastern time: EST = UTC−5, EDT = UTC−4; in 2025 EDT runs from 2025-03-09 07:00Z (02:00 EST)
// to 2025-11-02 06:00Z (02:00 EDT), per the Energy Policy Act of 2005 rule.
describe('New York time', () => {
  it('knows the offset either side of the 2025 changes', () => {
    expect(newYorkOffsetMs(Date.parse('2025-03-09T06:59:00Z'))).toBe(-5 * HOUR);
    expect(newYorkOffsetMs(Date.parse('2025-03-09T07:00:00Z'))).toBe(-4 * HOUR);
    expect(newYorkOffsetMs(Date.parse('2025-11-02T05:59:00Z'))).toBe(-4 * HOUR);
    expect(newYorkOffsetMs(Date.parse('2025-11-02T06:00:00Z'))).toBe(-5 * HOUR);
  });

  it('shows instants as New York wall time', () => {
    expect(formatNewYork('2025-07-01T13:31:00.000Z')).toBe('2025-07-01 09:31'); // summer open
    expect(formatNewYork('2025-01-15T14:30:00.000Z')).toBe('2025-01-15 09:30'); // winter open
    expect(formatNewYork('2025-01-16T02:15:00.000Z')).toBe('2025-01-15 21:15'); // the evening before, in New York
    expect(toNewYorkInput('2024-01-19T21:00:00.000Z')).toBe('2024-01-19T16:00');
  });

  it('reads New York wall time back to the instant, DST included', () => {
    expect(fromNewYorkInput('2025-07-01T09:31')).toBe('2025-07-01T13:31:00.000Z');
    expect(fromNewYorkInput('2025-01-15T09:30')).toBe('2025-01-15T14:30:00.000Z');
    expect(fromNewYorkInput('2025-01-15T09:30:45')).toBe('2025-01-15T14:30:45.000Z');
    // 02:30 does not exist on 2025-03-09: read as 03:30 EDT.
    expect(fromNewYorkInput('2025-03-09T02:30')).toBe('2025-03-09T07:30:00.000Z');
    // 01:30 happens twice on 2025-11-02: the first (EDT).
    expect(fromNewYorkInput('2025-11-02T01:30')).toBe('2025-11-02T05:30:00.000Z');
    expect(fromNewYorkInput('2025-11-02T03:00')).toBe('2025-11-02T08:00:00.000Z');
  });

  it('refuses what is not a wall time', () => {
    for (const text of ['', '2025-02-30T10:00', '2025-13-01T10:00', '2025-07-01T24:00', '2025-07-01 09:31', 'yesterday']) {
      expect(fromNewYorkInput(text), text).toBeUndefined();
    }
  });
});
