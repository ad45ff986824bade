// SQL of the positions table; knows nothing of HTTP or validation beyond reading its own JSON back.
import { z } from 'zod';
import { LegSchema } from '../../../shared/schemas/options';
import type { Position, PositionListInputSchema, PositionStatus } from '../../../shared/schemas/positions';
import type { Database } from '../../db/database';
import { recogniseStrategy } from './strategy';

/** A position as the service writes it: everything resolved but the id, owner and timestamps. */
export interface NewPosition {
  name: string;
  /** True while the name is the generated one (new legs then rename it). */
  nameGenerated: boolean;
  legs: Position['legs'];
  notes: string | null;
  status: PositionStatus;
  openedAt: string;
  closedAt: string | null;
}

export type StoredPosition = Position & { nameGenerated: boolean };

interface PositionRow {
  id: string;
  user_id: string;
  name: string;
  name_generated: 0 | 1;
  underlying: string;
  strategy: string;
  legs: string;
  notes: string | null;
  status: PositionStatus;
  opened_at: string;
  closed_at: string | null;
  created_at: string;
  updated_at: string;
}

const COLUMNS = 'id, user_id, name, name_generated, underlying, strategy, legs, notes, status, opened_at, closed_at, created_at, updated_at';
const StoredLegs = z.array(LegSchema);

function fromRow(row: PositionRow): StoredPosition {
  // The legs were validated on the way in; reading them through the schema again catches a row edited by hand.
  const legs = StoredLegs.parse(JSON.parse(row.legs));
  return {
    id: row.id,
    userId: row.user_id,
    name: row.name,
    nameGenerated: row.name_generated === 1,
    underlying: row.underlying,
    strategy: recogniseStrategy(legs),
    legs,
    notes: row.notes,
    status: row.status,
    openedAt: row.opened_at,
    closedAt: row.closed_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** Stored times are UTC ISO strings, so comparing them as text orders them in time. */
const utc = (iso: string): string => new Date(iso).toISOString();

function values(p: NewPosition): unknown[] {
  return [p.name, p.nameGenerated ? 1 : 0, p.legs[0]!.symbol, recogniseStrategy(p.legs).kind, JSON.stringify(p.legs), p.notes, p.status, utc(p.openedAt), p.closedAt && utc(p.closedAt)];
}

export class PositionRepository {
  constructor(
    private readonly db: Database,
    private readonly userId = 'local',
  ) {}

  insert(position: NewPosition, id: string): StoredPosition {
    const now = new Date().toISOString();
    this.db.prepare(`INSERT INTO ai_coach_positions (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`).run(id, this.userId, ...values(position), now, now);
    return this.get(id)!;
  }

  get(id: string): StoredPosition | undefined {
    const row = this.db.prepare<PositionRow>(`SELECT ${COLUMNS} FROM ai_coach_positions WHERE id = ? AND user_id = ?`).get(id, this.userId);
    return row && fromRow(row);
  }

  replace(id: string, position: NewPosition): StoredPosition {
    const sets = 'name = ?, name_generated = ?, underlying = ?, strategy = ?, legs = ?, notes = ?, status = ?, opened_at = ?, closed_at = ?, updated_at = ?';
    this.db.prepare(`UPDATE ai_coach_positions SET ${sets} WHERE id = ? AND user_id = ?`).run(...values(position), new Date().toISOString(), id, this.userId);
    return this.get(id)!;
  }

  delete(id: string): boolean {
    return this.db.prepare('DELETE FROM ai_coach_positions WHERE id = ? AND user_id = ?').run(id, this.userId).changes > 0;
  }

  /** Newest opened first. */
  list(input: z.output<typeof PositionListInputSchema>): StoredPosition[] {
    const where = ['user_id = ?'];
    const params: unknown[] = [this.userId];
    if (input.status !== 'all') {
      where.push('status = ?');
      params.push(input.status);
    }
    if (input.symbol) {
      where.push('underlying = ?');
      params.push(input.symbol);
    }
    const rows = this.db.prepare<PositionRow>(`SELECT ${COLUMNS} FROM ai_coach_positions WHERE ${where.join(' AND ')} ORDER BY opened_at DESC, created_at DESC, id`).all(...params);
    return rows.map(fromRow);
  }
}
