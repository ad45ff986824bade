import { CoachError } from '../../shared/errors';
import { SCAN_IDS, type ScanDefinition, type ScanId, type ScanParamsOverride } from '../../shared/schemas/scanner';
import type { OptionsInput, TechnicalInput } from './inputs';
import type { Scan, ScanParams } from './scans/finding';
import { creditSpreadScan } from './scans/options/credit-spread';
import { ivVsRealizedScan } from './scans/options/iv-vs-realized';
import { skewScan } from './scans/options/skew';
import { straddleScan } from './scans/options/straddle';
import { unusualVolumeScan } from './scans/options/unusual-volume';
import { atrExpansionScan } from './scans/technical/atr-expansion';
import { gapScan } from './scans/technical/gap';
import { intradayExtremeScan } from './scans/technical/intraday-extreme';
import { nearLevelScan } from './scans/technical/near-level';
import { openingRangeScan } from './scans/technical/opening-range';
import { relativeVolumeScan } from './scans/technical/relative-volume';
import { vwapCrossScan } from './scans/technical/vwap-cross';

export const TECHNICAL_SCANS: readonly Scan<TechnicalInput>[] = [nearLevelScan, openingRangeScan, gapScan, vwapCrossScan, intradayExtremeScan, atrExpansionScan, relativeVolumeScan];
export const OPTIONS_SCANS: readonly Scan<OptionsInput>[] = [ivVsRealizedScan, unusualVolumeScan, skewScan, straddleScan, creditSpreadScan];

const BY_ID = new Map<ScanId, Scan<TechnicalInput> | Scan<OptionsInput>>([...TECHNICAL_SCANS, ...OPTIONS_SCANS].map((scan) => [scan.definition.id, scan]));

/** Every scan's catalog entry, in the order of SCAN_IDS. */
export function scanDefinitions(): ScanDefinition[] {
  return SCAN_IDS.map((id) => BY_ID.get(id)!.definition);
}

export function definitionOf(id: ScanId): ScanDefinition {
  return BY_ID.get(id)!.definition;
}

function refuse(path: (string | number)[], message: string): never {
  throw new CoachError('invalid_input', `Invalid input for scanner:run: ${path.join('.')}: ${message}`, { issues: [{ path, message, code: 'custom' }] });
}

/**
 * The parameters of each scan: its defaults with the caller's overrides, each override checked
 * against the scan's parameters (a known key, inside its bounds).
 */
export function resolveParams(overrides: ScanParamsOverride = {}): Record<ScanId, ScanParams> {
  const resolved = {} as Record<ScanId, ScanParams>;
  for (const id of SCAN_IDS) {
    const { params } = definitionOf(id);
    const given = overrides[id] ?? {};
    for (const [key, value] of Object.entries(given)) {
      const param = params.find((p) => p.key === key);
      if (!param) refuse(['params', id, key], `Unknown parameter; ${id} takes ${params.map((p) => p.key).join(', ')}`);
      if (!(value >= param.min && value <= param.max)) refuse(['params', id, key], `${param.label} must be between ${param.min} and ${param.max}`);
    }
    resolved[id] = Object.fromEntries(params.map((p) => [p.key, given[p.key] ?? p.default]));
  }
  return resolved;
}
