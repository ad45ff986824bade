import type { CoachApi } from '../../../shared/client';
import { UPLOAD_CHUNK_CHARS, type PreviewTrade } from '../../../shared/schemas/journal';
import { formatNewYork } from './new-york-time';

const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "$1,234.50" / "−$12.00"; an em dash for no value. */
export function formatMoney(value: number | null | undefined): string {
  if (value === null || value === undefined) return '—';
  return money.format(value).replace('-', '−');
}

export function formatPercent(value: number | null | undefined): string {
  return value === null || value === undefined ? '—' : `${(value * 100).toFixed(1)}%`;
}

export function formatNumber(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? '—' : value.toLocaleString('en-US', { maximumFractionDigits: digits });
}

/** The word for `n` things: plural('trade leg', 1) is "trade leg", plural('trade leg', 3) "trade legs". */
export function plural(word: string, n: number, pluralForm = `${word}s`): string {
  return n === 1 ? word : pluralForm;
}

/** A tone class for a P&L figure: green gains, red losses. */
export function pnlTone(value: number | null | undefined): string {
  if (!value) return '';
  return value > 0 ? 'pnl-up' : 'pnl-down';
}

/** "SPY", or "SPY 475C 2024-01-19" for an option. */
export function contractLabel(t: Pick<PreviewTrade, 'symbol' | 'underlying' | 'assetType' | 'optionType' | 'strike' | 'expiry'>): string {
  if (t.assetType !== 'option') return t.symbol;
  return `${t.underlying} ${t.strike}${t.optionType === 'call' ? 'C' : 'P'} ${t.expiry}`;
}

/** "2024-01-08 09:35" in New York time, the market's clock (as the analytics and the chart). */
export function formatDateTime(iso: string | null): string {
  return iso ? formatNewYork(iso) : '—';
}

/**
 * Sends a file to the importer in pieces (the local API takes at most 1 MiB a request; IPC takes
 * the same path so both transports behave alike). Returns the upload id.
 */
export async function uploadText(api: CoachApi, text: string, onProgress: (sent: number, total: number) => void): Promise<string> {
  const uploadId = crypto.randomUUID();
  let chunkIndex = 0;
  for (let at = 0; at === 0 || at < text.length; at += UPLOAD_CHUNK_CHARS) {
    await api.call('journal:importUpload', { uploadId, chunkIndex: chunkIndex++, text: text.slice(at, at + UPLOAD_CHUNK_CHARS) });
    onProgress(Math.min(text.length, at + UPLOAD_CHUNK_CHARS), text.length);
  }
  return uploadId;
}
