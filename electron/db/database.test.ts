import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger, silentLogger } from '../observability/logger';
import { makeTempDir } from '../testing/test-host';
import { createRequire } from 'node:module';
import { Database } from './database';
import { loadMigrations } from './migrate';

const require = createRequire(import.meta.url);

const dirs: string[] = [];
function tempDir(): string {
  const dir = makeTempDir();
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

function migrationsDir(files: Record<string, string>): string {
  const dir = tempDir();
  for (const [name, sql] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), sql);
  return dir;
}

describe('Database', () => {
  it('keeps an async transaction open across awaits: all or nothing, one at a time', async () => {
    const db = new Database({ file: path.join(tempDir(), 'async.sqlite'), logger: silentLogger, slowQueryMs: 1000, migrationsDir: migrationsDir({ '001_t.sql': 'CREATE TABLE t (n INTEGER NOT NULL CHECK (n > 0));' }) });
    const insert = db.prepare('INSERT INTO t (n) VALUES (?)');
    const count = () => db.prepare<{ c: number }>('SELECT COUNT(*) AS c FROM t').get()!.c;
    const tick = () => new Promise((resolve) => setImmediate(resolve));

    await expect(
      db.transactionAsync(async () => {
        insert.run(1);
        await tick();
        insert.run(0); // breaks the CHECK after a yield
      }),
    ).rejects.toThrow(/CHECK constraint/);
    expect(count()).toBe(0);

    const order: string[] = [];
    const first = db.transactionAsync(async () => {
      insert.run(1);
      await tick();
      await tick();
      order.push('first');
    });
    const second = db.transactionAsync(async () => {
      order.push('second'); // waits for the first to commit
      insert.run(2);
    });
    await Promise.all([first, second]);
    expect(order).toEqual(['first', 'second']);
    expect(count()).toBe(2);
    db.close();
  });

  it('opens in WAL mode with foreign keys on and the shipped migrations applied', () => {
    const db = new Database({ file: path.join(tempDir(), 'a.sqlite'), logger: silentLogger, slowQueryMs: 40 });
    expect(db.pragma('journal_mode')).toBe('wal');
    expect(db.pragma('foreign_keys')).toBe(1);
    expect(db.schemaVersion).toBe(loadMigrations(path.join(import.meta.dirname, 'migrations')).at(-1)!.version);
    expect(db.prepare('SELECT name FROM sqlite_master WHERE name = ?').get('settings')).toEqual({ name: 'settings' });
    db.close();
  });

  it('applies each migration once, and only the new ones on the next start', () => {
    const file = path.join(tempDir(), 'b.sqlite');
    const dir = migrationsDir({ '001_a.sql': 'CREATE TABLE a (id INTEGER PRIMARY KEY);' });
    new Database({ file, logger: silentLogger, slowQueryMs: 40, migrationsDir: dir }).close();
    fs.writeFileSync(path.join(dir, '002_b.sql'), 'CREATE TABLE b (a_id INTEGER REFERENCES a(id));');
    const db = new Database({ file, logger: silentLogger, slowQueryMs: 40, migrationsDir: dir });
    expect(db.schemaVersion).toBe(2);
    expect(db.prepare<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }]);
    // Foreign keys are enforced, not just declared.
    expect(() => db.prepare('INSERT INTO b (a_id) VALUES (42)').run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('applies pending migrations all-or-nothing', () => {
    const file = path.join(tempDir(), 'c.sqlite');
    const dir = migrationsDir({
      '001_ok.sql': 'CREATE TABLE ok (id INTEGER);',
      '002_broken.sql': 'CREATE TABLE broken (id INTEGER); THIS IS NOT SQL;',
    });
    expect(() => new Database({ file, logger: silentLogger, slowQueryMs: 40, migrationsDir: dir })).toThrow(/syntax error/);
    fs.rmSync(path.join(dir, '002_broken.sql'));
    const db = new Database({ file, logger: silentLogger, slowQueryMs: 40, migrationsDir: dir });
    expect(db.prepare('SELECT name FROM sqlite_master WHERE name IN (?, ?)').all('ok', 'broken')).toEqual([{ name: 'ok' }]);
    db.close();
  });

  it('refuses two migrations with one number and badly named migration files', () => {
    expect(() => loadMigrations(migrationsDir({ '001_a.sql': '', '002_b.sql': '', '002_c.sql': '' }))).toThrow(/Two migrations are numbered 2: b and c/);
    expect(() => loadMigrations(migrationsDir({ 'init.sql': '' }))).toThrow(/001_name\.sql/);
  });

  it('applies a migration numbered below one already applied (a branch that landed later), once', () => {
    const file = path.join(tempDir(), 'd.sqlite');
    const dir = migrationsDir({ '001_a.sql': 'CREATE TABLE a (id INTEGER);', '003_c.sql': 'CREATE TABLE c (id INTEGER);' });
    new Database({ file, logger: silentLogger, slowQueryMs: 40, migrationsDir: dir }).close();
    fs.writeFileSync(path.join(dir, '002_b.sql'), 'CREATE TABLE b (id INTEGER);');
    const db = new Database({ file, logger: silentLogger, slowQueryMs: 40, migrationsDir: dir });
    expect(db.schemaVersion).toBe(3);
    expect(db.prepare<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version').all()).toEqual([{ version: 1 }, { version: 2 }, { version: 3 }]);
    expect(db.prepare('SELECT name FROM sqlite_master WHERE name = ?').get('b')).toEqual({ name: 'b' });
    db.close();
    // Opening again applies nothing twice (002 would fail: table b already exists).
    new Database({ file, logger: silentLogger, slowQueryMs: 40, migrationsDir: dir }).close();
  });

  it('rolls a failed transaction back entirely', () => {
    const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 40 });
    const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
    expect(() =>
      db.transaction(() => {
        insert.run('a', '1', 'now');
        insert.run('b', 'not json', 'now');
      }),
    ).toThrow(/CHECK constraint/);
    expect(db.prepare('SELECT COUNT(*) AS n FROM settings').get()).toEqual({ n: 0 });
    db.close();
  });

  it('logs statements slower than the threshold, with their SQL and duration', () => {
    const lines: Record<string, unknown>[] = [];
    const logger = createLogger({ level: 'debug', console: false, sink: (line) => lines.push(JSON.parse(line) as Record<string, unknown>) });
    const db = new Database({ file: ':memory:', logger, slowQueryMs: 40 });
    db.prepare('SELECT 1').get();
    expect(lines.filter((l) => l.msg === 'slow query')).toEqual([]);
    // A recursive count to three million takes well over 40 ms on any machine.
    db.prepare('WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 3000000) SELECT COUNT(*) FROM c').get();
    const slow = lines.filter((l) => l.msg === 'slow query');
    expect(slow).toHaveLength(1);
    expect(slow[0]).toMatchObject({ level: 'warn', sql: expect.stringContaining('WITH RECURSIVE') });
    expect(slow[0]!.ms as number).toBeGreaterThan(40);
    db.close();
  });
});

describe('native binding', () => {
  it('loads the addon from an explicit path (how the desktop app gets its Electron-ABI build)', () => {
    const addon = path.join(path.dirname(require.resolve('better-sqlite3/package.json')), 'build/Release/better_sqlite3.node');
    const db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 40, nativeBinding: addon });
    expect(db.prepare('SELECT 1 AS one').get()).toEqual({ one: 1 });
    db.close();
  });

  it('fails clearly when the addon path is wrong', () => {
    expect(() => new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 40, nativeBinding: '/nowhere/better_sqlite3.node' })).toThrow(/nowhere/);
  });
});
