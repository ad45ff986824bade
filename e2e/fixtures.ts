import { test as base, expect, type Page } from '@playwright/test';
import { E2E_TOKEN } from './env';

export { expect };
export { E2E_DATA_DIR, E2E_TOKEN } from './env';

interface Fixtures {
  /** Console errors and uncaught page errors (CSP violations show up here) seen by `page`. */
  consoleErrors: string[];
  /** Calls the local API like the renderer does (`POST /api/rpc/<name>` with the bearer token). */
  rpc: (name: string, input?: unknown) => Promise<unknown>;
}

export const test = base.extend<Fixtures>({
  consoleErrors: async ({ page }, provide) => {
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`pageerror: ${error.message}`));
    await provide(errors);
  },
  rpc: async ({ request }, provide) => {
    await provide(async (name, input = {}) => {
      const res = await request.post(`/api/rpc/${name}`, { data: input, headers: { authorization: `Bearer ${E2E_TOKEN}` } });
      expect(res.ok(), `${name} answered ${res.status()}`).toBe(true);
      return res.json() as Promise<unknown>;
    });
  },
});

/** Opens the app the way `npm start` does: the token in the URL fragment. */
export async function openApp(page: Page): Promise<void> {
  await page.goto(`/#token=${E2E_TOKEN}`);
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
}
