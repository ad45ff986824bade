import type { Locator, Page } from '@playwright/test';
import { expect, openApp } from './fixtures';

/**
 * Opens the app on the Options tab and waits for the SPY chain. The first chain prices every contract
 * of an American expiration (Bjerksund–Stensland IVs and greeks), which takes longer than the default
 * 5 s on a machine shared by other runs; the specs that use this give themselves 90 s.
 */
export async function openOptionsTab(page: Page): Promise<Locator> {
  await openApp(page);
  await page.getByRole('tab', { name: 'Options' }).click();
  const table = page.getByTestId('chain-table');
  await expect(table).toHaveAttribute('data-underlying', 'SPY', { timeout: 20_000 });
  return table;
}
