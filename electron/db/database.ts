import fs from 'node:fs';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import BetterSqlite3 from 'better-sqlite3';
import type { Logger } from '../observability/logger';
import { applyMigrations, defaultMigrationsDir, loadMigrations } from './migrate';

export interface DatabaseOptions {
  /** Path of the SQLite file; `:memory:` for throwaway databases. */
  file: string;
  logger: Logger;
  /** Statements slower than this are logged as warnings. */
  slowQueryMs: number;
  migrationsDir?: string;
  /** Path of better-sqlite3's compiled addon when it is not the one beside the package. */
  nativeBinding?: string;
}

export interface Statement<Row = unknown> {
  run(...params: unknown[]): BetterSqlite3.RunResult;
  get(...params: unknown[]): Row | undefined;
  all(...params: unknown[]): Row[];
}

/**
 * The one SQLite connection of the app (one writer, after Signal Desktop): WAL, foreign keys on,
 * migrations applied at open, and every statement timed so slow ones show up in the log.
 */
export class Database {
  readonly file: string;
  readonly schemaVersion: number;
  private readonly db: BetterSqlite3.Database;
  private readonly logger: Logger;
  private readonly slowQueryMs: number;
  private readonly cache = new Map<string, BetterSqlite3.Statement>();
  private asyncWriter: Promise<void> = Promise.resolve();
  /** The async transaction running now (settled when none). */

  constructor(options: DatabaseOptions) {
    if (options.file !== ':memory:') fs.mkdirSync(path.dirname(options.file), { recursive: true });
    this.file = options.file;
    this.logger = options.logger;
    this.slowQueryMs = options.slowQueryMs;
    this.db = new BetterSqlite3(options.file, options.nativeBinding ? { nativeBinding: options.nativeBinding } : {});
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    // NORMAL is durable for committed transactions in WAL mode against a process crash (not power loss).
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('busy_timeout = 5000');
    const { applied, version } = applyMigrations(this.db, loadMigrations(options.migrationsDir ?? defaultMigrationsDir()));
    this.schemaVersion = version;
    if (applied.length) this.logger.info('database migrated', { applied, version });
  }

  /** A prepared (and cached) statement whose calls are timed. */
  prepare<Row = unknown>(sql: string): Statement<Row> {
    let stmt = this.cache.get(sql);
    if (!stmt) {
      stmt = this.db.prepare(sql);
      this.cache.set(sql, stmt);
    }
    const s = stmt;
    return {
      run: (...params) => this.timed(sql, () => s.run(...params)),
      get: (...params) => this.timed(sql, () => s.get(...params) as Row | undefined),
      all: (...params) => this.timed(sql, () => s.all(...params) as Row[]),
    };
  }

  /** Runs `fn` in a transaction: everything it writes commits together or not at all. */
  transaction<T>(fn: () => T): T {
    return this.timed('TRANSACTION', () => this.db.transaction(fn)());
  }

  /**
   * Runs `fn` in one transaction that stays open across its awaits, so a long write can hand the
   * event loop back between steps. There is one connection, so what other calls write meanwhile
   * joins this transaction (better-sqlite3 nests their `transaction` as a savepoint) and would be
   * rolled back with it if `fn` failed: keep the window short, and write only rows that cannot
   * break a rule (checked beforehand). One at a time: a second call waits for the first to finish.
   */
  async transactionAsync<T>(fn: () => Promise<T>): Promise<T> {
    const previous = this.asyncWriter;
    let release!: () => void;
    this.asyncWriter = new Promise<void>((resolve) => (release = resolve));
    await previous;
    try {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const result = await fn();
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.open && this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    } finally {
      release();
    }
  }

  pragma(source: string): unknown {
    return this.db.pragma(source, { simple: true });
  }

  get isOpen(): boolean {
    return this.db.open;
  }

  close(): void {
    if (!this.db.open) return;
    this.cache.clear();
    this.db.close();
  }

  private timed<T>(sql: string, fn: () => T): T {
    const started = performance.now();
    try {
      return fn();
    } finally {
      const ms = performance.now() - started;
      if (ms > this.slowQueryMs) this.logger.warn('slow query', { sql: sql.slice(0, 200), ms: Math.round(ms * 10) / 10 });
    }
  }
}
