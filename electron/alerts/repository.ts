import type { Alert, AlertCondition, AlertListInputSchema, AlertStatus, TriggerMode } from '../../shared/schemas/alerts';
import type { z } from 'zod';
import type { Database } from '../db/database';

interface AlertRow {
  id: string;
  user_id: string;
  symbol: string;
  condition: AlertCondition;
  target_price: number | null;
  level: string | null;
  level_date: string | null;
  percent: number | null;
  reference_price: number | null;
  trigger_mode: TriggerMode;
  cooldown_seconds: number;
  expires_at: string | null;
  note: string | null;
  status: AlertStatus;
  triggered_at: string | null;
  trigger_price: number | null;
  trigger_count: number;
  rearm_at: string | null;
  last_price: number | null;
  last_price_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The columns a user (or the service) sets; the rest is the worker's bookkeeping. */
export type AlertDefinition = Pick<
  Alert,
  'symbol' | 'condition' | 'targetPrice' | 'level' | 'levelDate' | 'percent' | 'referencePrice' | 'triggerMode' | 'cooldownSeconds' | 'expiresAt' | 'note' | 'status' | 'lastPrice' | 'lastPriceAt' | 'rearmAt'
>;

/** An active alert as a tick reads it: only what the evaluation needs. */
export interface WatchedAlert {
  id: string;
  symbol: string;
  condition: AlertCondition;
  targetPrice: number | null;
  level: string | null;
  levelDate: string | null;
  triggerMode: TriggerMode;
  cooldownSeconds: number;
  rearmAt: string | null;
  lastPrice: number | null;
  /** Bumped by every edit and trigger: the tick's writes apply only while it is unchanged. */
  version: number;
}

const fromRow = (row: AlertRow): Alert => ({
  id: row.id,
  userId: row.user_id,
  symbol: row.symbol,
  condition: row.condition,
  targetPrice: row.target_price,
  level: row.level,
  levelDate: row.level_date,
  percent: row.percent,
  referencePrice: row.reference_price,
  triggerMode: row.trigger_mode,
  cooldownSeconds: row.cooldown_seconds,
  expiresAt: row.expires_at,
  note: row.note,
  status: row.status,
  triggeredAt: row.triggered_at,
  triggerPrice: row.trigger_price,
  triggerCount: row.trigger_count,
  rearmAt: row.rearm_at,
  lastPrice: row.last_price,
  lastPriceAt: row.last_price_at,
  createdAt: row.created_at,
  updatedAt: row.updated_at,
});

const DEFINITION_COLUMNS = [
  'symbol', 'condition', 'target_price', 'level', 'level_date', 'percent', 'reference_price', 'trigger_mode', 'cooldown_seconds', 'expires_at', 'note', 'status', 'last_price', 'last_price_at', 'rearm_at',
] as const;
const definitionParams = (d: AlertDefinition): unknown[] => [
  d.symbol, d.condition, d.targetPrice, d.level, d.levelDate, d.percent, d.referencePrice, d.triggerMode, d.cooldownSeconds, d.expiresAt, d.note, d.status, d.lastPrice, d.lastPriceAt, d.rearmAt,
];
const INSERT_SQL = `INSERT INTO ai_coach_alerts (id, user_id, ${DEFINITION_COLUMNS.join(', ')}, created_at, updated_at) VALUES (${['?', '?', ...DEFINITION_COLUMNS.map(() => '?'), '?', '?'].join(', ')})`;
const REPLACE_SQL = `UPDATE ai_coach_alerts SET ${DEFINITION_COLUMNS.map((c) => `${c} = ?`).join(', ')}, version = version + 1, updated_at = ? WHERE id = ? AND user_id = ?`;

/** SQL of `ai_coach_alerts`; knows nothing of events, quotes or validation. */
export class AlertRepository {
  constructor(
    private readonly db: Database,
    private readonly userId = 'local',
  ) {}

  insert(id: string, d: AlertDefinition, now: string): Alert {
    this.db.prepare(INSERT_SQL).run(id, this.userId, ...definitionParams(d), now, now);
    return this.get(id)!;
  }

  replace(id: string, d: AlertDefinition, now: string): Alert {
    this.db.prepare(REPLACE_SQL).run(...definitionParams(d), now, id, this.userId);
    return this.get(id)!;
  }

  get(id: string): Alert | undefined {
    const row = this.db.prepare<AlertRow>('SELECT * FROM ai_coach_alerts WHERE id = ? AND user_id = ?').get(id, this.userId);
    return row && fromRow(row);
  }

  /** Newest first. */
  list(filter: z.output<typeof AlertListInputSchema>): Alert[] {
    const where = ['user_id = ?'];
    const params: unknown[] = [this.userId];
    if (filter.status !== 'all') {
      where.push('status = ?');
      params.push(filter.status);
    }
    if (filter.symbol) {
      where.push('symbol = ?');
      params.push(filter.symbol);
    }
    return this.db
      .prepare<AlertRow>(`SELECT * FROM ai_coach_alerts WHERE ${where.join(' AND ')} ORDER BY created_at DESC, rowid DESC`)
      .all(...params)
      .map(fromRow);
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM ai_coach_alerts WHERE id = ? AND user_id = ?').run(id, this.userId).changes > 0;
  }

  setStatus(id: string, status: AlertStatus, now: string): Alert {
    this.db.prepare('UPDATE ai_coach_alerts SET status = ?, version = version + 1, updated_at = ? WHERE id = ? AND user_id = ?').run(status, now, id, this.userId);
    return this.get(id)!;
  }

  /** Marks the active alerts whose expiry has come as expired; returns their ids. */
  expireDue(now: string): string[] {
    return this.db
      .prepare<{ id: string }>(
        "UPDATE ai_coach_alerts SET status = 'expired', version = version + 1, updated_at = ? WHERE user_id = ? AND status = 'active' AND expires_at IS NOT NULL AND expires_at <= ? RETURNING id",
      )
      .all(now, this.userId, now)
      .map((row) => row.id);
  }

  /** The active alerts, oldest first (the order their triggers are written in), as a tick needs them. */
  watched(): WatchedAlert[] {
    return this.db
      .prepare<WatchedAlert>(
        `SELECT id, symbol, condition, target_price AS targetPrice, level, level_date AS levelDate, trigger_mode AS triggerMode,
           cooldown_seconds AS cooldownSeconds, rearm_at AS rearmAt, last_price AS lastPrice, version
         FROM ai_coach_alerts WHERE user_id = ? AND status = 'active' ORDER BY created_at, rowid`,
      )
      .all(this.userId);
  }

  /**
   * The crossing baseline of every active alert on `symbol`: the price seen and when. It is the
   * symbol's price, right for an alert edited meanwhile too, so it needs no version.
   */
  observe(symbol: string, price: number, at: string): void {
    this.db.prepare("UPDATE ai_coach_alerts SET last_price = ?, last_price_at = ? WHERE user_id = ? AND symbol = ? AND status = 'active'").run(price, at, this.userId, symbol);
  }

  // The other writes of a tick name the `version` the tick read: an alert edited, cancelled or
  // deleted while the tick waited for quotes is left alone (its new definition is judged next tick).

  /** A key level's price for the session `date`. */
  resolveLevel(id: string, version: number, price: number, date: string): void {
    this.db.prepare('UPDATE ai_coach_alerts SET target_price = ?, level_date = ? WHERE id = ? AND version = ?').run(price, date, id, version);
  }

  /**
   * Records a trigger: a `once` alert is done; an `every_time` one stays active and cools down until
   * `rearmAt`. Undefined when the alert changed since the tick read it.
   */
  trigger(id: string, version: number, price: number, at: string, rearmAt: string | null): Alert | undefined {
    const { changes } = this.db
      .prepare(
        `UPDATE ai_coach_alerts SET status = CASE trigger_mode WHEN 'once' THEN 'triggered' ELSE 'active' END, triggered_at = ?, trigger_price = ?,
           trigger_count = trigger_count + 1, rearm_at = ?, version = version + 1, updated_at = ? WHERE id = ? AND version = ? AND status = 'active'`,
      )
      .run(at, price, rearmAt, at, id, version);
    return changes ? this.get(id) : undefined;
  }
}
