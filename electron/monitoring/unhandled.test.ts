import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startFakeSentry, type FakeSentry } from '../testing/fake-sentry';
import { makeTempDir } from '../testing/test-host';

let sentry: FakeSentry;
const dataDir = makeTempDir();
beforeAll(async () => (sentry = await startFakeSentry()));
afterAll(async () => {
  await sentry.close();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('reports unhandled rejections and uncaught exceptions of the main process, then the process exits', async () => {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(import.meta.dirname, 'crashing-host.ts'), sentry.dsn, dataDir], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  // Node's own behaviour for an uncaught exception is kept: the process ends with code 1.
  expect(code, stderr).toBe(1);

  const mechanisms = sentry
    .payloads('event')
    .map((event) => (event as { exception: { values: { value: string; mechanism: { type: string; handled: boolean } }[] } }).exception.values.at(-1)!)
    .map((exception) => [exception.value, exception.mechanism.type, exception.mechanism.handled]);
  expect(mechanisms).toEqual(
    expect.arrayContaining([
      ['unhandled rejection in main', expect.stringContaining('onunhandledrejection'), false],
      ['uncaught exception in main', expect.stringContaining('onuncaughtexception'), false],
    ]),
  );
});
