import { describe, expect, it } from 'vitest';
import { ALERT_LEVEL_NAMES, AlertLevelNameSchema } from '../../shared/schemas/alerts';
import { computeKeyLevels } from '../levels/key-levels';
import { loadSpyDaily, loadSpyJuly2025 } from '../levels/testing/spy-data';

describe('key levels an alert can watch', () => {
  // A full session of real SPY bars (2025-07-15: pre-market, opening ranges, VWAP all formed), as levels:get computes it.
  const { bars, sessions } = loadSpyJuly2025();
  const result = computeKeyLevels({ bars1m: bars, dailyBars: loadSpyDaily(), sessions, date: '2025-07-15' });
  const engineNames = result.levels.map((l) => l.name);

  it('are exactly the names the levels engine gives, less HOD/LOD (they move with the price)', () => {
    const watchable = engineNames.filter((name) => name !== 'HOD' && name !== 'LOD');
    expect([...ALERT_LEVEL_NAMES].sort()).toEqual([...watchable].sort());
  });

  it('are read as the engine spells them; an ASCII minus in a VWAP band means the engine’s “−”', () => {
    expect(AlertLevelNameSchema.parse(' ORH 15m ')).toBe('ORH 15m');
    expect(AlertLevelNameSchema.parse('VWAP -2σ')).toBe('VWAP −2σ');
    expect(engineNames).toContain(AlertLevelNameSchema.parse('VWAP -2σ'));
  });

  it('refuse an unknown name with a message that names it and shows real examples', () => {
    const parsed = AlertLevelNameSchema.safeParse('PDX');
    expect(parsed.success).toBe(false);
    expect(parsed.error!.issues[0]!.message).toBe('Unknown key level "PDX": use a name from the levels list, e.g. PDH, PDL, PMH, PML, ORH 5m, ORL 15m, VWAP, R1 (classic), PWH');
    expect(AlertLevelNameSchema.safeParse('HOD').success).toBe(false);
  });
});
