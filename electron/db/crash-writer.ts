// Child process of crash.test.ts: commits numbered rows one transaction at a time and reports each
// commit on stdout only after it returned, until it is killed.
import { Database } from './database';
import { silentLogger } from '../observability/logger';

const db = new Database({ file: process.argv[2]!, logger: silentLogger, slowQueryMs: 1000 });
const insert = db.prepare('INSERT INTO settings (key, value, updated_at) VALUES (?, ?, ?)');
for (let n = 1; ; n++) {
  db.transaction(() => insert.run(`probe.${n}`, JSON.stringify({ n, pad: 'x'.repeat(200) }), new Date().toISOString()));
  process.stdout.write(`${n}\n`);
}
