import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type BetterSqlite3 from 'better-sqlite3';

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

const FILE_PATTERN = /^(\d{3,})_([a-z0-9_]+)\.sql$/;

/**
 * The SQL files beside this module. The build copies the folder next to each bundle, so the same
 * relative path works from source (vitest, tsx) and from `out/`.
 */
export function defaultMigrationsDir(): string {
  return path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');
}

/**
 * Reads `NNN_name.sql` files in version order; refuses two files with one number. Numbers may
 * leave gaps: branches built side by side get their numbers up front (alerts 006 while positions
 * holds 005), and each lands on its own.
 */
export function loadMigrations(dir: string): Migration[] {
  const migrations = fs
    .readdirSync(dir)
    .filter((file) => file.endsWith('.sql'))
    .map((file) => {
      const match = FILE_PATTERN.exec(file);
      if (!match) throw new Error(`Migration file name must look like 001_name.sql: ${file}`);
      return { version: Number(match[1]), name: match[2]!, sql: fs.readFileSync(path.join(dir, file), 'utf8') };
    })
    .sort((a, b) => a.version - b.version);
  migrations.forEach((m, i) => {
    const previous = migrations[i - 1];
    if (previous?.version === m.version) throw new Error(`Two migrations are numbered ${m.version}: ${previous.name} and ${m.name}`);
  });
  return migrations;
}

/**
 * Applies every migration not yet recorded, in version order, in one transaction: either all of
 * them land or none. A lower number that arrives after a higher one (a branch merged later) still
 * applies.
 */
export function applyMigrations(db: BetterSqlite3.Database, migrations: Migration[]): { applied: number[]; version: number } {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version    INTEGER PRIMARY KEY,
    name       TEXT NOT NULL,
    applied_at TEXT NOT NULL
  )`);
  const done = new Set((db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((row) => row.version));
  const current = Math.max(0, ...done);
  const pending = migrations.filter((m) => !done.has(m.version));
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  db.transaction(() => {
    for (const m of pending) {
      db.exec(m.sql);
      record.run(m.version, m.name, new Date().toISOString());
    }
  })();
  return { applied: pending.map((m) => m.version), version: Math.max(current, ...pending.map((m) => m.version)) };
}
