import { randomUUID } from 'node:crypto';
import type { AnalyticsFilter, Trade, TradeListInputSchema } from '../../shared/schemas/journal';
import type { z } from 'zod';
import type { Database } from '../db/database';
import { legNetPnl, type LegInput } from './analytics';
import { nyDayStartUtc } from './time';

/** A trade as the service writes it: every field resolved, no id or timestamps yet. */
export type NewTrade = Omit<Trade, 'id' | 'userId' | 'netPnl' | 'createdAt' | 'updatedAt'>;

interface TradeRow {
  id: string;
  user_id: string;
  group_id: string;
  symbol: string;
  underlying: string;
  asset_type: Trade['assetType'];
  option_type: Trade['optionType'];
  strike: number | null;
  expiry: string | null;
  multiplier: number;
  side: Trade['side'];
  quantity: number;
  entry_price: number;
  exit_price: number | null;
  entry_time: string;
  exit_time: string | null;
  fees: number;
  strategy: string | null;
  tags: string;
  notes: string | null;
  planned_stop: number | null;
  planned_target: number | null;
  broker: string | null;
  fingerprint: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS =
  'id, user_id, group_id, symbol, underlying, asset_type, option_type, strike, expiry, multiplier, side, quantity, entry_price, exit_price, entry_time, exit_time, fees, strategy, tags, notes, planned_stop, planned_target, broker, fingerprint, created_at, updated_at';
const LEG_COLUMNS =
  'group_id AS groupId, symbol, underlying, side, quantity, multiplier, entry_price AS entryPrice, exit_price AS exitPrice, entry_time AS entryTime, exit_time AS exitTime, fees, strategy, planned_stop AS plannedStop';
const PNL_SQL = "CASE WHEN exit_price IS NULL THEN NULL ELSE (exit_price - entry_price) * quantity * multiplier * (CASE side WHEN 'long' THEN 1 ELSE -1 END) - fees END";
const SORT_SQL: Record<z.output<typeof TradeListInputSchema>['sort'], string> = {
  entryTime: 'entry_time',
  exitTime: 'exit_time',
  symbol: 'symbol',
  netPnl: PNL_SQL,
  quantity: 'quantity',
  strategy: 'strategy COLLATE NOCASE',
};

function fromRow(row: TradeRow): Trade {
  const trade = {
    id: row.id,
    userId: row.user_id,
    groupId: row.group_id,
    symbol: row.symbol,
    underlying: row.underlying,
    assetType: row.asset_type,
    optionType: row.option_type,
    strike: row.strike,
    expiry: row.expiry,
    multiplier: row.multiplier,
    side: row.side,
    quantity: row.quantity,
    entryPrice: row.entry_price,
    exitPrice: row.exit_price,
    entryTime: row.entry_time,
    exitTime: row.exit_time,
    fees: row.fees,
    strategy: row.strategy,
    tags: JSON.parse(row.tags) as string[],
    notes: row.notes,
    plannedStop: row.planned_stop,
    plannedTarget: row.planned_target,
    broker: row.broker,
    fingerprint: row.fingerprint,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return { ...trade, netPnl: legNetPnl(trade) };
}

function toParams(t: NewTrade, id: string, userId: string, createdAt: string, updatedAt: string): unknown[] {
  return [
    id, userId, t.groupId, t.symbol, t.underlying, t.assetType, t.optionType, t.strike, t.expiry, t.multiplier, t.side, t.quantity,
    t.entryPrice, t.exitPrice, utc(t.entryTime), t.exitTime && utc(t.exitTime), t.fees, t.strategy, JSON.stringify(t.tags), t.notes,
    t.plannedStop, t.plannedTarget, t.broker, t.fingerprint, createdAt, updatedAt,
  ];
}

/** Stored times are UTC ISO strings, so comparing them as text orders them in time. */
const utc = (iso: string): string => new Date(iso).toISOString();

const PLACEHOLDERS = COLUMNS.split(',').map(() => '?').join(', ');
const INSERT_SQL = `INSERT INTO ai_coach_trades (${COLUMNS}) VALUES (${PLACEHOLDERS}) ON CONFLICT DO NOTHING`;
/** An import's rows wait here (in the connection's temporary database) until they all move at once. */
const STAGING = 'temp.journal_import_staging';
const STAGE_SQL = `INSERT INTO ${STAGING} (${COLUMNS}) VALUES (${PLACEHOLDERS})`;
// One slice of staged rows by rowid (1, 2, … in staging order).
const MOVE_SQL = `INSERT INTO ai_coach_trades (${COLUMNS}) SELECT ${COLUMNS} FROM ${STAGING} WHERE rowid > ? AND rowid <= ? ON CONFLICT DO NOTHING`;
/** Rows moved per step: some 50 ms of index work, so other calls wait little. */
const MOVE_SLICE = 10_000;
const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/** SQL of the journal table; knows nothing of HTTP or validation. */
export class TradeRepository {
  private importing: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Database,
    private readonly userId = 'local',
  ) {}

  /** Inserts one trade; a fingerprint already stored makes it a no-op (returns undefined); a broken rule (CHECK) throws. */
  insert(trade: NewTrade, id = randomUUID()): Trade | undefined {
    const now = new Date().toISOString();
    const { changes } = this.db.prepare(INSERT_SQL).run(...toParams(trade, id, this.userId, now, now));
    return changes ? this.get(id) : undefined;
  }

  /**
   * Inserts every trade all or nothing. The rows are first staged in a temporary table with the
   * journal's own definition (its CHECKs included, so a row that breaks a rule fails there, before
   * anything moves), `batch` at a time with the event loop free in between: a 50 MB file is some
   * 600 000 rows, seconds of writing. Then they move into the journal in slices inside one
   * transaction, the event loop free between slices too; that short window is the only time other
   * calls see part of the import or share its transaction. Returns how many trades were new (a
   * fingerprint already stored is skipped).
   */
  insertMany(trades: NewTrade[], { batch = 1000, onBatch = () => {} }: { batch?: number; onBatch?: (written: number) => void } = {}): Promise<number> {
    const run = this.importing.then(() => this.stageAndMove(trades, batch, onBatch));
    this.importing = run.catch(() => undefined);
    return run;
  }

  private async stageAndMove(trades: NewTrade[], batch: number, onBatch: (written: number) => void): Promise<number> {
    const now = new Date().toISOString();
    const definition = this.db.prepare<{ sql: string }>("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'ai_coach_trades'").get()!.sql;
    this.db.prepare(definition.replace(/^CREATE TABLE ai_coach_trades\b/, `CREATE TABLE ${STAGING}`)).run();
    try {
      const stage = this.db.prepare(STAGE_SQL);
      for (let at = 0; at < trades.length; at += batch) {
        if (at > 0) await nextTurn();
        this.db.transaction(() => {
          for (const trade of trades.slice(at, at + batch)) stage.run(...toParams(trade, randomUUID(), this.userId, now, now));
        });
        onBatch(Math.min(at + batch, trades.length));
      }
      const move = this.db.prepare(MOVE_SQL);
      return await this.db.transactionAsync(async () => {
        let moved = 0;
        for (let from = 0; from < trades.length; from += MOVE_SLICE) {
          if (from > 0) await nextTurn();
          moved += move.run(from, from + MOVE_SLICE).changes;
        }
        return moved;
      });
    } finally {
      this.db.prepare(`DROP TABLE IF EXISTS ${STAGING}`).run();
    }
  }

  get(id: string): Trade | undefined {
    const row = this.db.prepare<TradeRow>(`SELECT ${COLUMNS} FROM ai_coach_trades WHERE id = ? AND user_id = ?`).get(id, this.userId);
    return row && fromRow(row);
  }

  replace(id: string, trade: NewTrade): Trade {
    const now = new Date().toISOString();
    const existing = this.get(id)!;
    const params = toParams(trade, id, this.userId, existing.createdAt, now);
    const sets = COLUMNS.split(', ').slice(2).map((column) => `${column} = ?`);
    this.db.prepare(`UPDATE ai_coach_trades SET ${sets.join(', ')} WHERE id = ? AND user_id = ?`).run(...params.slice(2), id, this.userId);
    return this.get(id)!;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM ai_coach_trades WHERE id = ? AND user_id = ?').run(id, this.userId).changes > 0;
  }

  /** Which of these fingerprints are stored already. */
  knownFingerprints(): Set<string> {
    const rows = this.db.prepare<{ fingerprint: string }>('SELECT fingerprint FROM ai_coach_trades WHERE user_id = ? AND fingerprint IS NOT NULL').all(this.userId);
    return new Set(rows.map((r) => r.fingerprint));
  }

  list(input: z.output<typeof TradeListInputSchema>): { trades: Trade[]; total: number } {
    const { where, params } = this.filter(input, 'entry_time');
    if (input.status === 'open') where.push('exit_time IS NULL');
    if (input.status === 'closed') where.push('exit_time IS NOT NULL');
    const clause = where.join(' AND ');
    const total = this.db.prepare<{ n: number }>(`SELECT COUNT(*) AS n FROM ai_coach_trades WHERE ${clause}`).get(...params)!.n;
    const order = `${SORT_SQL[input.sort]} ${input.order === 'asc' ? 'ASC' : 'DESC'} NULLS LAST, entry_time DESC, id`;
    const rows = this.db.prepare<TradeRow>(`SELECT ${COLUMNS} FROM ai_coach_trades WHERE ${clause} ORDER BY ${order} LIMIT ? OFFSET ?`).all(...params, input.limit, input.offset);
    return { trades: rows.map(fromRow), total };
  }

  /**
   * Every leg of the groups that have a leg matching the filters (analytics needs whole groups);
   * dates filter on the exit day, the day the P&L is realized. Only the columns analytics reads.
   */
  forAnalytics(filter: AnalyticsFilter): LegInput[] {
    const { where, params } = this.filter(filter, 'exit_time');
    const groups = where.length === 1 ? '' : ` AND group_id IN (SELECT group_id FROM ai_coach_trades WHERE ${where.join(' AND ')})`;
    return this.db.prepare<LegInput>(`SELECT ${LEG_COLUMNS} FROM ai_coach_trades WHERE user_id = ?${groups}`).all(this.userId, ...(groups ? params : []));
  }

  private filter(f: AnalyticsFilter, dateColumn: 'entry_time' | 'exit_time'): { where: string[]; params: unknown[] } {
    const where = ['user_id = ?'];
    const params: unknown[] = [this.userId];
    const add = (sql: string, ...values: unknown[]) => {
      where.push(sql);
      params.push(...values);
    };
    if (f.from) add(`${dateColumn} >= ?`, nyDayStartUtc(f.from));
    if (f.to) add(`${dateColumn} < ?`, nyDayStartUtc(f.to, 1));
    if (f.symbol) add('(symbol = ? OR underlying = ?)', f.symbol.toUpperCase(), f.symbol.toUpperCase());
    if (f.strategy) add('strategy = ? COLLATE NOCASE', f.strategy);
    if (f.tag) add('EXISTS (SELECT 1 FROM json_each(tags) WHERE value = ? COLLATE NOCASE)', f.tag);
    return { where, params };
  }
}
