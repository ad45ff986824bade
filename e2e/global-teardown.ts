import fs from 'node:fs';
import { E2E_DATA_DIR } from './env';

/** The web-mode server's data folder is made fresh for each run; remove it when the run ends. */
export default function globalTeardown(): void {
  fs.rmSync(E2E_DATA_DIR, { recursive: true, force: true });
}
