import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

const FILE = 'install-id';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A random id for this installation, kept in the data folder: error reports can be told apart
 * per install (rate-limit warnings, "how many users hit this") without anything about the person.
 */
export function readInstallId(dataDir: string): string {
  const file = path.join(dataDir, FILE);
  try {
    const stored = fs.readFileSync(file, 'utf8').trim();
    if (UUID.test(stored)) return stored;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const id = randomUUID();
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file, `${id}\n`, { mode: 0o600 });
  return id;
}
