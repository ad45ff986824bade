import fs from 'node:fs';
import { E2E_DATA_DIR, E2E_MONITORED_DATA_DIR } from './env';

/** The web-mode servers' data folders are made fresh for each run; remove them when the run ends. */
export default function globalTeardown(): void {
  for (const dir of [E2E_DATA_DIR, E2E_MONITORED_DATA_DIR]) fs.rmSync(dir, { recursive: true, force: true });
}
