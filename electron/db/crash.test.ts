import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { silentLogger } from '../observability/logger';
import { makeTempDir } from '../testing/test-host';
import { Database } from './database';

it('keeps every committed row when the writer is killed with SIGKILL mid-stream', async () => {
  const dir = makeTempDir();
  const file = path.join(dir, 'crash.sqlite');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crash-writer.ts'), file], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));

  // Kill as soon as a few hundred commits were reported, while the writer is still going.
  let reported = 0;
  let buffer = '';
  const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
  child.stdout.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const lines = buffer.split('\n');
    buffer = lines.pop()!;
    for (const line of lines) reported = Math.max(reported, Number(line));
    if (reported >= 300 && !child.killed) child.kill('SIGKILL');
  });
  const signal = await exited;
  expect(signal, stderr).toBe('SIGKILL');
  expect(reported).toBeGreaterThanOrEqual(300);

  const db = new Database({ file, logger: silentLogger, slowQueryMs: 1000 });
  const rows = db.prepare<{ key: string; value: string }>("SELECT key, value FROM settings WHERE key LIKE 'probe.%'").all();
  const numbers = new Set(rows.map((r) => (JSON.parse(r.value) as { n: number }).n));
  for (let n = 1; n <= reported; n++) expect(numbers.has(n), `row ${n} was reported committed`).toBe(true);
  // Rows are whole: every stored one parses and matches its key.
  for (const row of rows) expect(row.key).toBe(`probe.${(JSON.parse(row.value) as { n: number }).n}`);
  expect(db.pragma('integrity_check')).toBe('ok');
  db.close();
  fs.rmSync(dir, { recursive: true, force: true });
});
