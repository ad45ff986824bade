import type { UTCTimestamp } from 'lightweight-charts';
import { newYorkOffsetMs } from '../../lib/new-york-time';

/**
 * lightweight-charts draws timestamps as UTC. Bars are shown in New York time, as traders read
 * them, so each timestamp is shifted by New York's UTC offset at that instant (DST included).
 */
export function toChartTime(ms: number): UTCTimestamp {
  return ((ms + newYorkOffsetMs(ms)) / 1000) as UTCTimestamp;
}
