import { afterAll, describe, expect, it } from 'vitest';
import { LOW_CONFIDENCE, POSITION_FIELDS, type ConfirmedPosition, type ExtractedPosition, type PositionField } from '../../shared/schemas/screenshot';
import { checkImage } from './image';
import { LocalOcrExtractor } from './local-extractor';
import { brokerFixtures, renderFixture, withChromium, type BrokerFixture } from './testing/broker-fixtures';

/**
 * The Done-when figure of issue 10: broker position tables rendered in Chromium (light and dark),
 * read by the local OCR, every field compared with the hand-written truth. Prints the table and
 * the overall share of fields read right.
 */

interface FieldOutcome {
  field: PositionField;
  right: boolean;
  /** The reader's confidence in a value it gave; absent when it gave none. */
  confidence?: number;
}

const NUMERIC_FIELDS = new Set<PositionField>(['strike', 'quantity', 'avgPrice', 'mark', 'pnl']);

function sameValue(field: PositionField, truth: unknown, read: unknown): boolean {
  if (NUMERIC_FIELDS.has(field)) return typeof truth === 'number' && typeof read === 'number' && Math.abs(truth - read) < 0.005;
  return truth === read;
}

/**
 * Every field of a truth position is counted; a field the truth leaves empty (a stock's strike and
 * expiry) counts only when the reader invents a value for it.
 */
function compareFields(truth: ConfirmedPosition | undefined, read: ExtractedPosition | undefined): FieldOutcome[] {
  const outcomes: FieldOutcome[] = [];
  for (const field of POSITION_FIELDS) {
    const expected = truth?.[field] ?? null;
    const got = read?.[field] ?? null;
    const confidence = got === null ? undefined : read?.confidence.fields[field];
    if (expected === null && got === null) continue;
    outcomes.push({ field, right: expected !== null && sameValue(field, expected, got), confidence });
  }
  return outcomes;
}

/**
 * Pairs each truth position with the read one sharing most fields (rows may come out in another
 * order or be missed); read positions left over are invented rows, every field of them wrong.
 */
function scorePositions(truth: ConfirmedPosition[], read: ExtractedPosition[]): FieldOutcome[] {
  const unused = new Set(read.map((_, i) => i));
  const outcomes: FieldOutcome[] = [];
  for (const expected of truth) {
    let best: { index: number; outcome: FieldOutcome[]; right: number } | undefined;
    for (const index of unused) {
      const outcome = compareFields(expected, read[index]);
      const right = outcome.filter((o) => o.right).length;
      if (!best || right > best.right) best = { index, outcome, right };
    }
    if (best && best.right > 0) {
      unused.delete(best.index);
      outcomes.push(...best.outcome);
    } else {
      outcomes.push(...compareFields(expected, undefined));
    }
  }
  for (const index of unused) outcomes.push(...compareFields(undefined, read[index]));
  return outcomes;
}

const mean = (values: number[]) => (values.length ? values.reduce((a, b) => a + b, 0) / values.length : Number.NaN);
const pct = (part: number, whole: number) => `${((100 * part) / whole).toFixed(1)} %`;

describe('scorePositions', () => {
  const truth: ConfirmedPosition = { symbol: 'SPY', assetType: 'call', strike: 600, expiry: '2026-12-18', quantity: 2, side: 'long', avgPrice: 12.35, mark: 13.1, pnl: 150 };
  const stock: ConfirmedPosition = { symbol: 'AAPL', assetType: 'stock', strike: null, expiry: null, quantity: 150, side: 'long', avgPrice: 228.4, mark: 231.15, pnl: 412.5 };
  const asRead = (p: ConfirmedPosition, overrides: Partial<ExtractedPosition> = {}): ExtractedPosition => ({
    ...p,
    strike: p.strike ?? null,
    expiry: p.expiry ?? null,
    avgPrice: p.avgPrice ?? null,
    mark: p.mark ?? null,
    pnl: p.pnl ?? null,
    confidence: { overall: 0.9, fields: { symbol: 0.95, strike: 0.6 } },
    rawText: '',
    ...overrides,
  });

  it('counts 9 fields of an option, 7 of a stock, and an invented strike of a stock as wrong', () => {
    const outcomes = scorePositions([stock, truth], [asRead(truth, { strike: 6000 }), asRead(stock, { strike: 1 })]);
    // Option: 9 fields, the strike wrong; stock: 7 fields + the invented strike, wrong.
    expect(outcomes).toHaveLength(17);
    expect(outcomes.filter((o) => !o.right).map((o) => [o.field, o.confidence])).toEqual([
      ['strike', 0.6],
      ['strike', 0.6],
    ]);
  });

  it('counts a missed row as all wrong and an invented row as all wrong', () => {
    const outcomes = scorePositions([truth], [asRead(stock)]);
    expect(outcomes.filter((o) => o.right)).toEqual([{ field: 'side', right: true, confidence: undefined }]);
    // 1 shared field (side: long) pairs them: 9 option fields, 8 of them wrong.
    expect(outcomes).toHaveLength(9);
    const none = scorePositions([truth], []);
    expect(none.every((o) => !o.right && o.confidence === undefined)).toBe(true);
    expect(scorePositions([], [asRead(stock)])).toHaveLength(7);
  });
});

describe('LocalOcrExtractor on broker screenshots rendered in Chromium', () => {
  const extractor = new LocalOcrExtractor();
  afterAll(() => extractor.dispose());

  it('reads at least 95 % of the fields right, and is less sure of its misreads', { timeout: 900_000 }, async () => {
    const fixtures = brokerFixtures();
    // Chromium first, then the OCR alone: the two would share the machine's cores.
    const images = await withChromium(async (browser) => {
      const pngs: Buffer[] = [];
      for (const fixture of fixtures) pngs.push(await renderFixture(fixture, browser));
      return pngs;
    });

    const rows: string[] = [];
    const all: FieldOutcome[] = [];
    const misreads: string[] = [];
    for (const [i, fixture] of fixtures.entries()) {
      const image = await checkImage(images[i]!, 'image/png');
      expect(image.darkTheme, `${fixture.id}: dark theme detected`).toBe(fixture.theme === 'dark');
      const started = performance.now();
      const extraction = await extractor.extract(image, { signal: new AbortController().signal, onProgress: () => undefined });
      const seconds = (performance.now() - started) / 1000;
      const outcomes = scorePositions(fixture.truth, extraction.positions);
      all.push(...outcomes);
      misreads.push(...describeMisreads(fixture, extraction.positions));
      const right = outcomes.filter((o) => o.right).length;
      rows.push(
        `${fixture.id.padEnd(18)} ${extraction.broker.padEnd(12)} ${`${extraction.positions.length}/${fixture.truth.length}`.padStart(5)} ` +
          `${`${right}/${outcomes.length}`.padStart(7)} ${pct(right, outcomes.length).padStart(8)} ${seconds.toFixed(2).padStart(6)} s`,
      );
    }

    const right = all.filter((o) => o.right);
    const wrong = all.filter((o) => !o.right);
    const confidence = (outcomes: FieldOutcome[]) => outcomes.flatMap((o) => (o.confidence === undefined ? [] : [o.confidence]));
    const rightConfidence = confidence(right);
    const wrongConfidence = confidence(wrong);
    const lowShare = (values: number[]) => values.filter((c) => c < LOW_CONFIDENCE).length / values.length;
    const report = [
      '',
      'Local OCR accuracy on the broker fixtures',
      `${'fixture'.padEnd(18)} ${'read as'.padEnd(12)}  rows  fields  correct   time`,
      ...rows,
      `overall: ${right.length}/${all.length} fields correct = ${pct(right.length, all.length)}`,
      `confidence of right fields: mean ${mean(rightConfidence).toFixed(3)}, ${pct(lowShare(rightConfidence) * rightConfidence.length, rightConfidence.length)} below ${LOW_CONFIDENCE}`,
      wrongConfidence.length
        ? `confidence of misread fields: mean ${mean(wrongConfidence).toFixed(3)}, ${pct(lowShare(wrongConfidence) * wrongConfidence.length, wrongConfidence.length)} below ${LOW_CONFIDENCE} (${wrong.length - wrongConfidence.length} more fields not read at all)`
        : `misread fields: none with a value (${wrong.length} fields not read at all)`,
      ...misreads.map((m) => `  ${m}`),
    ].join('\n');
    console.log(report);

    expect(right.length / all.length, report).toBeGreaterThanOrEqual(0.95);
    if (wrongConfidence.length > 0) {
      expect(mean(wrongConfidence), report).toBeLessThan(mean(rightConfidence));
      expect(lowShare(wrongConfidence), report).toBeGreaterThan(lowShare(rightConfidence));
    }
  });
});

/** "thinkorswim-dark SPX put 6000: pnl 654 (truth 645, confidence 0.62)" for each misread field. */
function describeMisreads(fixture: BrokerFixture, read: ExtractedPosition[]): string[] {
  const lines: string[] = [];
  for (const truth of fixture.truth) {
    const match = read.find((p) => p.symbol === truth.symbol && p.assetType === truth.assetType && (p.strike ?? null) === (truth.strike ?? null));
    const label = `${fixture.id} ${truth.symbol} ${truth.assetType}${truth.strike ? ` ${truth.strike}` : ''}`;
    if (!match) {
      lines.push(`${label}: not matched by symbol/type/strike`);
      continue;
    }
    for (const outcome of compareFields(truth, match)) {
      if (outcome.right) continue;
      lines.push(`${label}: ${outcome.field} ${String(match[outcome.field])} (truth ${String(truth[outcome.field] ?? null)}, confidence ${outcome.confidence?.toFixed(2) ?? '-'})`);
    }
  }
  return lines;
}
