import type { OptionChain } from '../shared/schemas/chains';
import { expect, openApp, test } from './fixtures';
import { openOptionsTab } from './options-tab';

test('the Options tab: pick an expiry, see the money shaded, build a call vertical and save it', async ({ page, rpc, consoleErrors }) => {
  test.setTimeout(90_000);
  const table = await openOptionsTab(page);

  // The selector lists the chain's expirations grouped by kind; pick the first monthly.
  const nearest = (await rpc('options:chain', { underlying: 'SPY' })) as OptionChain;
  const monthly = nearest.expirations.find((e) => e.kind === 'monthly')!;
  const select = page.getByTestId('expiry-select');
  await expect(select.locator('optgroup[label="Monthlies"] option').first()).toHaveAttribute('value', monthly.date);
  await select.selectOption(monthly.date);
  await expect(table).toHaveAttribute('data-expiry', monthly.date, { timeout: 20_000 });

  // Calls below the spot and puts above it are in the money; the at-the-money row is scrolled into view.
  const chain = (await rpc('options:chain', { underlying: 'SPY', expiry: monthly.date })) as OptionChain;
  const below = chain.strikes.filter((r) => r.strike < chain.spot).at(-3)!.strike;
  const above = chain.strikes.filter((r) => r.strike > chain.spot)[2]!.strike;
  await expect(page.getByTestId(`chain-row-${below}`)).toHaveAttribute('data-call-itm', 'true');
  await expect(page.getByTestId(`chain-row-${below}`)).toHaveAttribute('data-put-itm', 'false');
  await expect(page.getByTestId(`chain-row-${above}`)).toHaveAttribute('data-put-itm', 'true');
  await expect(page.locator('tr[data-atm="true"]')).toBeInViewport();

  // A vertical: buy the call at the at-the-money strike, sell one five strikes higher.
  const atm = chain.atTheMoneyStrike;
  const higher = chain.strikes[chain.strikes.findIndex((r) => r.strike === atm) + 5]!.strike;
  await page.getByTestId(`call-ask-${atm}`).click();
  await page.getByTestId(`call-bid-${higher}`).click();
  const legs = page.getByTestId('ticket-leg');
  await expect(legs).toHaveCount(2);
  await expect(legs.nth(0)).toHaveAttribute('data-side', 'buy');
  await expect(legs.nth(0)).toHaveAttribute('data-strike', String(atm));
  await expect(legs.nth(1)).toHaveAttribute('data-side', 'sell');
  await expect(legs.nth(1)).toHaveAttribute('data-strike', String(higher));
  await expect(page.getByTestId('ticket-net')).toContainText('Net debit');

  // Quantity is editable; a leg can be removed and added back.
  await legs.nth(0).getByTestId('ticket-leg-quantity').fill('2');
  await legs.nth(1).getByTestId('ticket-leg-remove').click();
  await expect(legs).toHaveCount(1);
  await page.getByTestId(`call-bid-${higher}`).click();
  await legs.nth(1).getByTestId('ticket-leg-quantity').fill('2');

  const saved = page.waitForResponse((res) => res.url().endsWith('/api/rpc/positions:create') && res.ok());
  await page.getByTestId('save-position').click();
  await saved;
  await expect(page.getByTestId('ticket-saved')).toBeVisible();
  await expect(legs).toHaveCount(0);
  const id = await page.getByTestId('ticket-saved').getAttribute('data-position-id');
  const position = (await rpc('positions:get', { id })) as { legs: { strike: number; quantity: number; right: string; expiry: string }[] };
  expect(position.legs.map((l) => [l.right, l.strike, l.quantity, l.expiry])).toEqual([
    ['call', atm, 2, monthly.date],
    ['call', higher, -2, monthly.date],
  ]);
  expect(consoleErrors).toEqual([]);
});

test('the Options tab says so when an underlying has no chain', async ({ page }) => {
  await openApp(page);
  await page.getByRole('tab', { name: 'Options' }).click();
  await page.getByRole('search', { name: 'Symbol' }).getByRole('combobox', { name: 'Symbol' }).fill('ZZZZ');
  await page.getByRole('search', { name: 'Symbol' }).getByRole('button', { name: 'Go' }).click();
  await expect(page.getByRole('alert')).toContainText('Unknown underlying ZZZZ', { timeout: 20_000 });
});
