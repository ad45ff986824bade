import type { AssetType, ImportField, ImportMapping, ImportPresetId } from '../../../shared/schemas/journal';

export type CloseEvent = 'expired' | 'assigned' | 'exercised';

/** One fill from a broker file, normalized. */
export interface Execution {
  /** Line of the file it came from (1-based), for messages. */
  row: number;
  timeMs: number;
  /** The contract: ticker for stock and futures, OCC symbol for options. */
  symbol: string;
  underlying: string;
  assetType: AssetType;
  optionType: 'call' | 'put' | null;
  strike: number | null;
  expiry: string | null;
  multiplier: number;
  /** `close`: an expiration, assignment or exercise; closes whatever is open at `price`. */
  side: 'buy' | 'sell' | 'close';
  /** Why the broker ended an option position (a `close`, or IBKR's buy or sell booked for it); null for trades. */
  event: CloseEvent | null;
  /**
   * A cash-settled index option assigned or exercised by a row that carries no cash amount: the
   * settlement value is unknown, so the reader drops it (see settlements.ts) rather than close at 0.
   */
  amountMissing?: boolean;
  quantity: number;
  price: number;
  fees: number;
  /** Fills of one order share it (legs of a spread); null when the file has no order id. */
  orderKey: string | null;
}

/** The cells of one row by field, through the column mapping. */
export interface Cells {
  /** The trimmed text of the field's column; '' when unmapped or empty. */
  get(field: ImportField): string;
  /** The header the field is read from, for messages. */
  column(field: ImportField): string;
}

export interface RowContext {
  row: number;
  zone: string;
  /** Carried from row to row (thinkorswim's spread legs leave the time blank after the first). */
  state: Record<string, string | undefined>;
}

export interface Preset {
  id: ImportPresetId;
  label: string;
  /** Where the column names come from (the broker's documented export). */
  source: string;
  /** Header of each field in this broker's file. */
  mapping: ImportMapping;
  required: ImportField[];
  /** Lower-case headers that identify the format (all must be present). */
  signature: string[];
  /** The broker lists the newest activity first; fills of one day are then read bottom-up. */
  newestFirst?: boolean;
  /** The trades sit in a titled section of a larger statement (thinkorswim). */
  sectionTitle?: string;
  /** Whether a raw row belongs to the header's table (IBKR's section-coded files mix several tables). */
  inTable?(row: string[], headers: string[]): boolean;
  /** The execution of a row, null for rows that are no trade (dividends, transfers, cancelled orders). */
  read(cells: Cells, ctx: RowContext): Execution | null;
}
