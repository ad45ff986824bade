import { describe, expect, it } from 'vitest';
import { CoachError } from '../../shared/errors';
import { OPTIONS_SCAN_IDS, SCAN_IDS, TECHNICAL_SCAN_IDS } from '../../shared/schemas/scanner';
import { resolveParams, scanDefinitions } from './catalog';

describe('scan catalog', () => {
  it('lists every scan once, in the contract order, with its kind and defaults inside their bounds', () => {
    const definitions = scanDefinitions();
    expect(definitions.map((d) => d.id)).toEqual([...SCAN_IDS]);
    expect(definitions.filter((d) => d.kind === 'technical').map((d) => d.id)).toEqual([...TECHNICAL_SCAN_IDS]);
    expect(definitions.filter((d) => d.kind === 'options').map((d) => d.id)).toEqual([...OPTIONS_SCAN_IDS]);
    for (const param of definitions.flatMap((d) => d.params)) {
      expect(param.default).toBeGreaterThanOrEqual(param.min);
      expect(param.default).toBeLessThanOrEqual(param.max);
    }
  });

  it('resolves the defaults with the overrides given', () => {
    const params = resolveParams({ gap: { minGapPct: 2.5 } });
    expect(params.gap).toEqual({ minGapPct: 2.5 });
    expect(params.near_level).toEqual({ maxAtr: 0.1 });
    expect(params.credit_spread).toEqual({ minPop: 0.7, minCreditPct: 20, widthSteps: 1 });
  });

  it.each([
    [{ gap: { minGap: 2 } }, 'params.gap.minGap: Unknown parameter; gap takes minGapPct'],
    [{ gap: { minGapPct: 25 } }, 'params.gap.minGapPct: Gap at least must be between 0.1 and 20'],
    [{ credit_spread: { minPop: 0.3 } }, 'params.credit_spread.minPop: Probability of profit at least must be between 0.5 and 0.99'],
  ])('refuses %j as invalid input', (overrides, message) => {
    const error = (() => {
      try {
        resolveParams(overrides);
      } catch (e) {
        return e as CoachError;
      }
    })();
    expect(error).toBeInstanceOf(CoachError);
    expect(error).toMatchObject({ code: 'invalid_input', message: `Invalid input for scanner:run: ${message}` });
  });
});
