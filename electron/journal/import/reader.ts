import Papa from 'papaparse';
import { IMPORT_FIELDS, type ImportField, type ImportMapping, type ImportPresetId, type RowError } from '../../../shared/schemas/journal';
import { FIELD_ALIASES, PRESETS, presetById } from './presets';
import type { Cells, Execution, Preset, RowContext } from './types';
import { dropUnpricedSettlements } from './settlements';
import { RowProblem } from './values';

/** Longest row we read; a longer one is a broken file or not a trade export. */
export const MAX_ROW_CHARS = 4096;
/** Lines searched for the header row (statements open with a title block). */
const HEADER_SCAN_LINES = 200;
/** Errors kept for the report; the count goes on. */
const MAX_REPORTED_ERRORS = 500;
/** Characters parsed between two yields to the event loop. */
const PARSE_CHUNK_CHARS = 128 * 1024;

export interface ReadOptions {
  preset?: ImportPresetId;
  mapping?: ImportMapping;
  zone: string;
}

export interface ReadResult {
  detectedPreset: ImportPresetId | null;
  preset: ImportPresetId;
  headers: string[];
  mapping: ImportMapping;
  fileErrors: string[];
  rowErrors: RowError[];
  errorCount: number;
  /** Rows left out on purpose with the reason (they do not block the import). */
  rowWarnings: RowError[];
  warningCount: number;
  rows: number;
  skipped: number;
  /** In time order, oldest first. */
  executions: Execution[];
}

const splitLine = (line: string): string[] => Papa.parse<string[]>(line, { delimiter: ',' }).data[0]?.map((c) => c.trim()) ?? [];

function aliasColumn(headers: string[], field: ImportField): number {
  const lower = headers.map((h) => h.toLowerCase());
  for (const alias of FIELD_ALIASES[field]) {
    const index = lower.indexOf(alias);
    if (index >= 0) return index;
  }
  return -1;
}

/** Column of each field: the user's choice, else the preset's header, else a known alias. */
function resolveColumns(preset: Preset, headers: string[], mapping: ImportMapping = {}): Map<ImportField, number> {
  const columns = new Map<ImportField, number>();
  const lower = headers.map((h) => h.toLowerCase());
  for (const field of IMPORT_FIELDS) {
    const chosen = mapping[field];
    if (chosen !== undefined) {
      const index = chosen === '' ? -1 : lower.indexOf(chosen.toLowerCase());
      if (index >= 0) columns.set(field, index);
      continue;
    }
    const own = preset.mapping[field];
    const index = own !== undefined && lower.includes(own.toLowerCase()) ? lower.indexOf(own.toLowerCase()) : aliasColumn(headers, field);
    if (index >= 0) columns.set(field, index);
  }
  return columns;
}

const matchesSignature = (preset: Preset, cells: string[]): boolean => {
  if (!preset.signature.length) return preset.required.every((f) => aliasColumn(cells, f) >= 0);
  const lower = new Set(cells.map((c) => c.toLowerCase()));
  return preset.signature.every((s) => lower.has(s));
};

interface HeaderHit {
  preset: Preset;
  line: number;
  headers: string[];
}

/** The header row and its preset: the one asked for, or the first preset whose signature matches. */
function findHeader(lines: string[], asked: Preset | undefined): HeaderHit | undefined {
  const rows = lines.map(splitLine);
  // Presets in order, then lines: a statement's other sections must not pass for the generic format.
  for (const preset of asked ? [asked] : PRESETS) {
    const start = preset.sectionTitle ? lines.findIndex((l) => l.trim().replace(/,+$/, '') === preset.sectionTitle) : 0;
    if (start < 0) continue;
    for (let i = start; i < rows.length; i++) {
      if (matchesSignature(preset, rows[i]!)) return { preset, line: i, headers: rows[i]! };
    }
  }
  if (!asked) return undefined;
  // A preset the user chose whose headers differ: take the first non-empty line, the mapping decides.
  const first = lines.findIndex((l) => l.trim() !== '');
  return first < 0 ? undefined : { preset: asked, line: first, headers: splitLine(lines[first]!) };
}

function delimiterHint(firstLine: string): string | undefined {
  if (firstLine.includes(',')) return undefined;
  const found = [';', '\t', '|'].find((d) => firstLine.includes(d));
  return found && `The columns are separated by ${found === '\t' ? 'tabs' : `"${found}"`}, not commas: export the file as comma-separated CSV.`;
}

/** Hands the event loop to whatever else is waiting (other API calls) before going on. */
export const nextTick = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Reads a broker CSV into executions, a chunk at a time with a yield between chunks, so a 50 MB
 * file never holds up other calls. Problems of the whole file go to `fileErrors`, problems of a
 * row to `rowErrors` (the row is left out), rows left out on purpose to `rowWarnings`.
 */
export async function readCsv(raw: string, options: ReadOptions, onProgress: (chars: number, rows: number) => void = () => {}): Promise<ReadResult> {
  const text = raw.charCodeAt(0) === 0xfeff ? raw.slice(1) : raw;
  const askedPreset = options.preset ? presetById(options.preset) : undefined;
  const result: ReadResult = { detectedPreset: null, preset: options.preset ?? 'generic', headers: [], mapping: {}, fileErrors: [], rowErrors: [], errorCount: 0, rowWarnings: [], warningCount: 0, rows: 0, skipped: 0, executions: [] };
  if (!text.trim()) return { ...result, fileErrors: ['The file is empty.'] };

  const headLines = text.slice(0, 256 * 1024).split(/\r?\n/).slice(0, HEADER_SCAN_LINES);
  const detected = findHeader(headLines, undefined);
  result.detectedPreset = detected?.preset.id ?? null;
  // An unknown format is read as generic from its first line: the report then names the missing
  // columns, and the wizard can offer the file's headers for mapping.
  const hit = askedPreset ? findHeader(headLines, askedPreset) : (detected ?? findHeader(headLines, presetById('generic')));
  if (!hit) return { ...result, fileErrors: ['The file is empty.'] };
  const preset = hit.preset;
  const columns = resolveColumns(preset, hit.headers, options.mapping);
  Object.assign(result, { preset: preset.id, headers: hit.headers, mapping: Object.fromEntries([...columns].map(([field, i]) => [field, hit.headers[i]!])) });
  const missing = preset.required.filter((f) => !columns.has(f));
  if (missing.length) {
    const hint = delimiterHint(headLines[hit.line]!);
    const unknown = detected || askedPreset ? '' : " The format was not recognised: choose your broker's format, or map the columns.";
    result.fileErrors.push(hint ?? `Missing required column${missing.length > 1 ? 's' : ''}: ${missing.map((f) => `${f} (${preset.mapping[f] ?? f})`).join(', ')}.${unknown}`);
    return result;
  }

  let offset = 0;
  for (let i = 0; i < hit.line + 1; i++) offset = text.indexOf('\n', offset) + 1;
  const cells = makeCells(columns, hit.headers);
  const ctx: RowContext = { row: hit.line + 1, zone: options.zone, state: {} };
  const fail = (error: RowError) => {
    result.errorCount++;
    if (result.rowErrors.length < MAX_REPORTED_ERRORS) result.rowErrors.push(error);
  };

  await new Promise<void>((resolve, reject) => {
    Papa.parse<string[]>(text.slice(offset), {
      delimiter: ',',
      chunkSize: PARSE_CHUNK_CHARS,
      chunk(chunk: Papa.ParseResult<string[]>, parser: Papa.Parser) {
        try {
          for (const row of chunk.data) {
            ctx.row++;
            if (row.every((c) => c.trim() === '')) {
              if (preset.sectionTitle && result.rows > 0) return parser.abort(); // the section ends at a blank line
              continue;
            }
            result.rows++;
            const length = row.reduce((n, c) => n + c.length + 1, -1); // cells and the commas between them
            if (length > MAX_ROW_CHARS) {
              fail({ row: ctx.row, message: `Row is ${length.toLocaleString('en-US')} characters long (at most ${MAX_ROW_CHARS.toLocaleString('en-US')}).` });
              continue;
            }
            if (row.filter((c) => c.trim() !== '').length < 2 || (preset.inTable && !preset.inTable(row, hit.headers))) {
              result.skipped++; // a footer or note line, or a row of another table
              continue;
            }
            cells.row = row;
            try {
              const execution = preset.read(cells, ctx);
              if (execution) result.executions.push(execution);
              else result.skipped++;
            } catch (error) {
              if (!(error instanceof RowProblem)) throw error;
              fail({ row: ctx.row, column: error.column, message: error.message });
            }
          }
          onProgress(offset + chunk.meta.cursor, result.rows);
          parser.pause();
          void nextTick().then(() => parser.resume());
        } catch (error) {
          parser.abort();
          reject(error as Error);
        }
      },
      complete: () => resolve(),
      error: (error: Error) => reject(error),
    });
  });

  if (preset.newestFirst) result.executions.reverse();
  // Stable: fills of one time keep file order. Most files are in time order already: no sort then.
  if (result.executions.some((e, i) => i > 0 && e.timeMs < result.executions[i - 1]!.timeMs)) result.executions.sort((a, b) => a.timeMs - b.timeMs);
  const { kept, warnings } = dropUnpricedSettlements(result.executions);
  result.executions = kept;
  result.rowWarnings = warnings.slice(0, MAX_REPORTED_ERRORS);
  result.warningCount = warnings.length;
  return result;
}

function makeCells(columns: Map<ImportField, number>, headers: string[]): Cells & { row: string[] } {
  return {
    row: [],
    get(field) {
      const index = columns.get(field);
      return index === undefined ? '' : (this.row[index] ?? '').trim();
    },
    column(field) {
      const index = columns.get(field);
      return index === undefined ? field : headers[index]!;
    },
  };
}
