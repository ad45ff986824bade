import type { ScanDirection, ScanId, ScanKind } from '../../../../shared/schemas/scanner';

/**
 * Which scans a scanning request asks for, read from its words: "find gap ups" is the gap scan
 * (up), "what's moving" the scans that measure movement, "run the options scanner" the options
 * group. Text is the normalised message (lower case).
 */

export interface ScanRequest {
  /** Named scans; null = every scan (or every scan of `kind`). */
  scans: ScanId[] | null;
  kind: ScanKind | null;
  /** The side asked for ("gap ups", "bearish setups"), which the answer leads with. */
  direction: Exclude<ScanDirection, 'neutral'> | null;
}

/** The scans that measure how much something is moving today. */
const MOVING: ScanId[] = ['gap', 'atr_expansion', 'relative_volume', 'new_intraday_extreme'];

/**
 * Setups traders name, most specific first, with the scans that look for them and the side when
 * one is said. `pattern` names the setup on its own ("find gap ups"); `loose` only once the message
 * asks for a scan ("scan for vwap", "scan iv"), where the bare word cannot mean a level or a greek.
 */
const TOPICS: { pattern: RegExp; loose?: RegExp; scans: ScanId[]; direction?: ScanRequest['direction'] }[] = [
  { pattern: /\bgap(?:s|ped|ping|pers?)?[\s-]*ups?\b/, scans: ['gap'], direction: 'bullish' },
  { pattern: /\bgap(?:s|ped|ping|pers?)?[\s-]*downs?\b/, scans: ['gap'], direction: 'bearish' },
  { pattern: /\bgap(?:s|ped|ping|pers?)?\b/, scans: ['gap'] },
  { pattern: /\bopening[\s-]+range\s+break\s*(?:outs?|downs?)\b|\borbs?\b/, loose: /\bopening\s+range\b|\bbreak\s*outs?\b/, scans: ['opening_range_breakout'] },
  { pattern: /\bbreak\s*outs\b/, scans: ['opening_range_breakout', 'new_intraday_extreme'], direction: 'bullish' },
  { pattern: /\bbreak\s*downs\b/, scans: ['opening_range_breakout', 'new_intraday_extreme'], direction: 'bearish' },
  { pattern: /\bvwap\s+(?:reclaims|cross(?:es|ings)|loss(?:es)?)\b|\b(?:reclaim(?:ed|ing)?|lost|losing)\s+(?:the\s+)?vwap\b/, loose: /\bvwap\b/, scans: ['vwap_cross'] },
  { pattern: /\b(?:new|fresh)\s+(?:intraday\s+|day\s+|session\s+)?highs?\b|\bmaking\s+highs\b/, scans: ['new_intraday_extreme'], direction: 'bullish' },
  { pattern: /\b(?:new|fresh)\s+(?:intraday\s+|day\s+|session\s+)?lows?\b|\bmaking\s+lows\b/, scans: ['new_intraday_extreme'], direction: 'bearish' },
  { pattern: /\b(?:atr|range)\s+expan\w*|\bexpan\w*\s+(?:of\s+(?:the\s+)?)?(?:range|atr)\b|\bwide[\s-]+range\s+days?\b/, scans: ['atr_expansion'] },
  { pattern: /\bunusual\s+(?:options?\s+)?(?:volume|activity|flow)\b|\boptions?\s+flow\b|\bvolume\s+(?:vs\.?|versus|over)\s+(?:open\s+interest|oi)\b/, loose: /\bunusual\b/, scans: ['unusual_volume'] },
  { pattern: /\brelative\s+volume\b|\brvol\b|\bvolume\s+(?:spikes?|surges?)\b|\b(?:high|heavy)\s+volume\b/, scans: ['relative_volume'] },
  {
    pattern: /\b(?:high|rich|expensive|cheap|low|elevated)\s+(?:iv|implied\s+vol\w*)\b|\biv\s+(?:vs\.?|versus|over|against)\s+(?:realized|realised|rv|hv|historical)\b|\b(?:rich|expensive|cheap)\s+(?:options|premium)\b/,
    loose: /\biv\b|\bimplied\s+vol/,
    scans: ['iv_vs_realized'],
  },
  { pattern: /\bskew(?:ed|s)?\b/, scans: ['skew_extreme'] },
  { pattern: /\b(?:cheap|expensive|rich)\s+straddles?\b|\bstraddles?\s+(?:vs\.?|versus|against)\s+(?:the\s+)?atr\b/, loose: /\bstraddles?\b/, scans: ['straddle_vs_atr'] },
  {
    pattern: /\bcredit\s+spreads?\s+(?:ideas?|setups?|candidates?|opportunit\w+|to\s+sell)\b|\b(?:find|any|show|look\s+for|search)\b.*\bcredit\s+spreads\b/,
    loose: /\bcredit\s+spreads?\b/,
    scans: ['credit_spread'],
  },
  { pattern: /\bnear(?:ing)?\s+(?:a\s+|their\s+|the\s+)?(?:key\s+)?(?:levels?|support|resistance)\b|\btesting\s+(?:key\s+)?levels\b/, scans: ['near_level'] },
  { pattern: /\bwhat(?:'?s|\s+is|\s+are)\s+(?:\w+\s+)?moving\b|\bmovers\b|\bbig(?:gest)?\s+moves\b|\bon\s+the\s+move\b/, scans: MOVING },
];

/** Whether the message names a setup the scanner looks for (it asks for a scan without saying "scan"). */
export function namesScanTopic(text: string): boolean {
  return TOPICS.some((topic) => topic.pattern.test(text));
}

/** The scans, group and side a message that asks for a scan names. */
export function readScanRequest(text: string): ScanRequest {
  const scans: ScanId[] = [];
  const sides = new Set<NonNullable<ScanRequest['direction']>>();
  for (const topic of TOPICS) {
    if (!topic.pattern.test(text) && !topic.loose?.test(text)) continue;
    for (const scan of topic.scans) if (!scans.includes(scan)) scans.push(scan);
    if (topic.direction) sides.add(topic.direction);
  }
  if (/\bbullish\b|\blong\s+(?:setups|ideas)\b/.test(text)) sides.add('bullish');
  if (/\bbearish\b|\bshort\s+(?:setups|ideas)\b/.test(text)) sides.add('bearish');
  // "gap ups and gap downs" asks for both sides: no lead.
  const direction = sides.size === 1 ? [...sides][0]! : null;
  if (scans.length) return { scans, kind: null, direction };
  const kind = /\boptions?\b/.test(text) ? 'options' : /\btechnicals?\b|\bchart\s+setups\b/.test(text) ? 'technical' : null;
  return { scans: null, kind, direction };
}
