import type { ImportPresetId } from '../../../../shared/schemas/journal';
import type { Preset } from '../types';
import { ibkr, robinhood, schwab, tastytrade, thinkorswim, webull } from './brokers';
import { generic } from './generic';

/** Every preset, in the order detection tries them (the generic one last: it matches loosely). */
export const PRESETS: readonly Preset[] = [thinkorswim, ibkr, tastytrade, webull, schwab, robinhood, generic];

export function presetById(id: ImportPresetId): Preset {
  return PRESETS.find((p) => p.id === id)!;
}

export { FIELD_ALIASES } from './generic';
