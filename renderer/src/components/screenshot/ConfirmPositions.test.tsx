import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { ExtractedPosition, ScreenshotExtraction } from '../../../../shared/schemas/screenshot';
import { ConfirmPositions } from './ConfirmPositions';
import { ScreenshotDialog } from './ScreenshotDialog';

const fields = { symbol: 0.98, assetType: 0.97, strike: 0.95, expiry: 0.94, quantity: 0.99, side: 0.96, avgPrice: 0.93, mark: 0.92, pnl: 0.9 };

function position(over: Partial<ExtractedPosition>): ExtractedPosition {
  return { symbol: 'SPY', assetType: 'call', strike: 600, expiry: '2025-06-20', quantity: 2, side: 'long', avgPrice: 4.15, mark: 5.3, pnl: 230, confidence: { overall: 0.95, fields }, rawText: '', ...over };
}

function extraction(positions: ExtractedPosition[], warnings: string[] = []): ScreenshotExtraction {
  return {
    id: 'ex-1',
    method: 'local_ocr',
    broker: 'thinkorswim',
    positions,
    confidence: 0.9,
    rawText: '',
    warnings,
    image: { mimeType: 'image/png', width: 1200, height: 400, bytes: 50_000, darkTheme: true },
    durationMs: 1200,
    quota: { day: '2025-06-02', used: 1, limit: 5, remaining: 4 },
  };
}

const render = (ex: ScreenshotExtraction) => renderToStaticMarkup(<ConfirmPositions extraction={ex} onConfirm={() => {}} onCancel={() => {}} />);
const sendButton = (html: string) => /<button type="submit"[^>]*>Send to AI Coach<\/button>/.exec(html)?.[0];

describe('ConfirmPositions', () => {
  it('shows one editable row per position read, with its values, and Send enabled when all are valid', () => {
    const html = render(extraction([position({}), position({ symbol: 'QQQ', assetType: 'put', strike: 480, side: 'short', quantity: 1 })]));
    expect(html.match(/data-testid="confirm-row"/g)).toHaveLength(2);
    expect(html).toContain('aria-label="Symbol, row 1" class="input" type="text" inputMode="text" value="SPY"');
    expect(html).toContain('aria-label="Strike, row 2" class="input" type="text" inputMode="decimal" value="480"');
    expect(html).toMatch(/aria-label="Expiry, row 1" class="input" type="date" value="2025-06-20"/);
    expect(sendButton(html)).not.toContain('disabled');
  });

  it('highlights the fields read with low confidence, with a title saying to check them', () => {
    const html = render(extraction([position({ confidence: { overall: 0.7, fields: { ...fields, strike: 0.42, pnl: 0.61 } } })]));
    expect(html.match(/class="confirm-cell low-confidence"/g)).toHaveLength(2);
    expect(html).toMatch(/aria-label="Strike, row 1"[^>]*title="Low confidence — please check"/);
    expect(html).toMatch(/aria-label="P&amp;L, row 1"[^>]*title="Low confidence — please check"/);
    expect(html).not.toMatch(/aria-label="Symbol, row 1"[^>]*title=/);
  });

  it('shows the message next to the field that is wrong, and keeps Send disabled', () => {
    const html = render(extraction([position({ symbol: '5PY!', strike: null })]));
    expect(html).toMatch(/aria-label="Symbol, row 1"[^>]*aria-invalid="true" aria-describedby="position-[^"]+-symbol-error"/);
    expect(html).toMatch(/<span id="position-[^"]+-symbol-error" class="field-error confirm-cell-error">Symbol must be 1–10 letters/);
    expect(html).toContain('An option (5PY! call) needs a strike');
    expect(sendButton(html)).toContain('disabled');
  });

  it('says which layout and method read the table, and the reader\'s warnings', () => {
    const html = render(extraction([position({})], ['Row 3 could not be read: "SPY 25O62OC0060"']));
    expect(html).toContain('1 position read as thinkorswim by local OCR');
    expect(html).toContain('<li>Row 3 could not be read: &quot;SPY 25O62OC0060&quot;</li>');
  });

  it('with nothing read, asks for a row before anything can be sent', () => {
    const html = render(extraction([]));
    expect(html).toContain('No positions were read');
    expect(html).toContain('Add at least one position');
    expect(sendButton(html)).toContain('disabled');
  });
});

describe('ScreenshotDialog', () => {
  it('shows why a file cannot be read, says nothing was sent, and shows the quota', () => {
    const html = renderToStaticMarkup(
      <ScreenshotDialog
        reading={{ seq: 1, problem: 'The image is 30.0 MB; the limit is 10 MB' }}
        quota={{ day: '2025-06-02', used: 2, limit: 5, remaining: 3 }}
        onOpened={() => {}}
        onRead={() => {}}
        onConfirm={() => {}}
        onClose={() => {}}
      />,
    );
    expect(html).toContain('aria-labelledby="screenshot-dialog-title"');
    expect(html).toContain('<span class="error-notice-message">The image is 30.0 MB; the limit is 10 MB</span>');
    expect(html).toContain('Nothing was sent.');
    expect(html).toContain('2 of 5 screenshots read today');
  });
});
