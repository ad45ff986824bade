import type { z } from 'zod';
import { MAX_IMPORT_BYTES, type ImportCommitSchema, type ImportOptionsSchema, type ImportPreview, type ImportUploadInputSchema } from '../../../shared/schemas/journal';
import { CoachError } from '../../../shared/errors';
import type { EventBus } from '../../contract/event-bus';
import { legNetPnl } from '../analytics';
import type { NewTrade, TradeRepository } from '../repository';
import { isValidZone } from '../time';
import { FifoMatcher } from './matcher';
import { presetById } from './presets';
import { nextTick, readCsv, type ReadResult } from './reader';

/** Trades shown in a preview; the counts cover the whole file. */
const PREVIEW_TRADES = 200;
/** Uploads kept at once, and how long an unused one is kept. */
const MAX_UPLOADS = 4;
const UPLOAD_TTL_MS = 30 * 60_000;
/** Fills matched between two yields to the event loop. */
const MATCH_SLICE = 20_000;

interface Upload {
  parts: string[];
  bytes: number;
  touchedAt: number;
}

interface Prepared {
  read: ReadResult;
  trades: NewTrade[];
  fresh: NewTrade[];
  openLots: number;
}

type Options = z.output<typeof ImportOptionsSchema>;
const groupsOf = (trades: NewTrade[]) => new Set(trades.map((t) => t.groupId)).size;

// Plain comparison: the times are UTC ISO strings (localeCompare would take seconds on 600 000 trades).
const byEntry = (a: NewTrade, b: NewTrade): number =>
  a.entryTime < b.entryTime ? -1 : a.entryTime > b.entryTime ? 1 : a.groupId < b.groupId ? -1 : a.groupId > b.groupId ? 1 : 0;

/** The first `n` trades by entry time (then group, so a spread's legs sit together), without sorting them all. */
export function firstByEntry(trades: NewTrade[], n: number): NewTrade[] {
  const kept: NewTrade[] = [];
  for (const trade of trades) {
    if (kept.length === n && byEntry(trade, kept[n - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && byEntry(trade, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, trade);
    if (kept.length > n) kept.pop();
  }
  return kept;
}

/**
 * The CSV import: a file arrives in pieces (`upload`, because the local API takes at most 1 MiB a
 * request and a file may be 50 MB; IPC uses the same path), is previewed with every problem
 * reported and nothing written, then committed in one transaction.
 */
export class Importer {
  private readonly uploads = new Map<string, Upload>();

  constructor(
    private readonly repo: TradeRepository,
    private readonly events: EventBus,
    private readonly now: () => number = Date.now,
  ) {}

  upload({ uploadId, chunkIndex, text }: z.output<typeof ImportUploadInputSchema>): { uploadId: string; chunks: number; bytes: number } {
    this.evictStale();
    let upload = this.uploads.get(uploadId);
    if (chunkIndex === 0) {
      if (!upload && this.uploads.size >= MAX_UPLOADS) this.uploads.delete(this.oldestUpload()!);
      upload = { parts: [], bytes: 0, touchedAt: this.now() };
      this.uploads.set(uploadId, upload);
    }
    if (!upload) throw new CoachError('not_found', `No upload ${uploadId}: start again from piece 0.`);
    if (chunkIndex !== upload.parts.length) throw new CoachError('invalid_input', `Piece ${chunkIndex} of upload ${uploadId} arrived out of order: piece ${upload.parts.length} was expected.`);
    upload.bytes += Buffer.byteLength(text);
    if (upload.bytes > MAX_IMPORT_BYTES) {
      this.uploads.delete(uploadId);
      throw new CoachError('payload_too_large', `The file is larger than ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it by date range and import the parts.`);
    }
    upload.parts.push(text);
    upload.touchedAt = this.now();
    return { uploadId, chunks: upload.parts.length, bytes: upload.bytes };
  }

  async preview(options: Options): Promise<ImportPreview> {
    const { read, trades, fresh, openLots } = await this.prepare(options);
    const shown = firstByEntry(trades, PREVIEW_TRADES);
    return {
      uploadId: options.uploadId,
      detectedPreset: read.detectedPreset,
      preset: read.preset,
      headers: read.headers,
      mapping: read.mapping,
      requiredFields: presetById(read.preset).required,
      fileErrors: read.fileErrors,
      rowErrors: read.rowErrors,
      rowWarnings: read.rowWarnings,
      trades: shown.map((t) => ({ ...t, netPnl: legNetPnl(t) })),
      counts: {
        rows: read.rows,
        executions: read.executions.length,
        skipped: read.skipped,
        errors: read.errorCount,
        warnings: read.warningCount,
        trades: trades.length,
        groups: groupsOf(trades),
        duplicates: trades.length - fresh.length,
        openLots,
      },
    };
  }

  /** Writes every new trade of the file in one transaction; a file with any error writes nothing. */
  async commit(options: Options): Promise<z.infer<typeof ImportCommitSchema>> {
    const { read, trades, fresh } = await this.prepare(options);
    if (read.fileErrors.length) throw new CoachError('invalid_input', `Nothing imported: ${read.fileErrors.join(' ')}`);
    if (read.errorCount) {
      const first = read.rowErrors[0]!;
      const firstMessage = first.message.replace(/\.$/, '');
      throw new CoachError('invalid_input', `Nothing imported: ${read.errorCount} row${read.errorCount > 1 ? 's have' : ' has'} errors (first: row ${first.row}, ${firstMessage}). Fix the file or the mapping and preview again.`);
    }
    const total = this.uploadChars(options.uploadId);
    const writing = (written: number) =>
      this.events.emit('journal:importProgress', { uploadId: options.uploadId, phase: 'writing', processedBytes: fresh.length ? Math.round((total * written) / fresh.length) : total, totalBytes: total, rows: read.rows });
    writing(0);
    const inserted = await this.repo.insertMany(fresh, { onBatch: writing });
    this.uploads.delete(options.uploadId);
    this.events.emit('journal:importProgress', { uploadId: options.uploadId, phase: 'done', processedBytes: total, totalBytes: total, rows: read.rows });
    if (inserted) this.events.emit('journal:changed', { reason: 'imported', count: inserted });
    return { inserted, duplicates: trades.length - inserted, groups: groupsOf(fresh) };
  }

  private async prepare(options: Options): Promise<Prepared> {
    if (!isValidZone(options.timezone)) throw new CoachError('invalid_input', `Unknown time zone: ${options.timezone}`, { issues: [{ path: ['timezone'], message: 'Unknown time zone', code: 'custom' }] });
    const upload = this.uploads.get(options.uploadId);
    if (!upload) throw new CoachError('not_found', `No upload ${options.uploadId} (uploads are kept for 30 minutes): upload the file again.`);
    upload.touchedAt = this.now();
    const text = upload.parts.join('');
    const progress = (phase: 'parsing' | 'matching', chars: number, rows: number) =>
      this.events.emit('journal:importProgress', { uploadId: options.uploadId, phase, processedBytes: chars, totalBytes: text.length, rows });
    const read = await readCsv(text, { preset: options.preset, mapping: options.mapping, zone: options.timezone }, (chars, rows) => progress('parsing', chars, rows));
    const matcher = new FifoMatcher(read.preset);
    for (let at = 0; at < read.executions.length || at === 0; at += MATCH_SLICE) {
      progress('matching', text.length, read.rows);
      for (const fill of read.executions.slice(at, at + MATCH_SLICE)) matcher.add(fill);
      await nextTick();
    }
    const { trades, openLots } = matcher.result();
    const known = this.repo.knownFingerprints();
    return { read, trades, fresh: trades.filter((t) => !known.has(t.fingerprint!)), openLots };
  }

  private uploadChars(id: string): number {
    return this.uploads.get(id)?.parts.reduce((n, p) => n + p.length, 0) ?? 0;
  }

  private oldestUpload(): string | undefined {
    return [...this.uploads].sort(([, a], [, b]) => a.touchedAt - b.touchedAt)[0]?.[0];
  }

  private evictStale(): void {
    for (const [id, upload] of this.uploads) if (this.now() - upload.touchedAt > UPLOAD_TTL_MS) this.uploads.delete(id);
  }
}
