import type { OptionChain } from '../shared/schemas/chains';
import { expect, test } from './fixtures';
import { openOptionsTab } from './options-tab';

const money = (value: number) => `$${value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test('a call vertical built in the Options tab shows in Positions with its payoff diagram, breakeven and max profit, and can be deleted', async ({ page, rpc, consoleErrors }) => {
  test.setTimeout(90_000);
  const table = await openOptionsTab(page);

  // An expiration two weeks out or more: never today's (0DTE settles at 16:00 and is gone after it),
  // so the test runs the same at any hour, on any day, market open or closed.
  const nearest = (await rpc('options:chain', { underlying: 'SPY' })) as OptionChain;
  const expiry = nearest.expirations.find((e) => e.kind !== '0dte' && e.daysToExpiry >= 14)!;
  await page.getByTestId('expiry-select').selectOption(expiry.date);
  await expect(table).toHaveAttribute('data-expiry', expiry.date, { timeout: 20_000 });

  // Buy the at-the-money call, sell the call five strikes higher: a call debit spread.
  const chain = (await rpc('options:chain', { underlying: 'SPY', expiry: expiry.date })) as OptionChain;
  const lower = chain.atTheMoneyStrike;
  const higher = chain.strikes[chain.strikes.findIndex((row) => row.strike === lower) + 5]!.strike;
  await page.getByTestId(`call-ask-${lower}`).click();
  await page.getByTestId(`call-bid-${higher}`).click();
  const legs = page.getByTestId('ticket-leg');
  await expect(legs).toHaveCount(2);

  // The prices the ticket shows ("@ 7.42") are the entry prices: the debit comes from them, not from the app's sums.
  const shownPrice = async (index: number) => Number((await legs.nth(index).locator('.ticket-price').innerText()).replace('@', '').trim());
  const paid = await shownPrice(0);
  const received = await shownPrice(1);
  await expect(legs.nth(0)).toHaveAttribute('data-strike', String(lower));
  await expect(legs.nth(1)).toHaveAttribute('data-strike', String(higher));
  const debit = paid - received;
  expect(debit).toBeGreaterThan(0);
  expect(debit).toBeLessThan(higher - lower);

  await page.getByTestId('save-position').click();
  await expect(page.getByTestId('ticket-saved')).toBeVisible({ timeout: 15_000 });
  const id = await page.getByTestId('ticket-saved').getAttribute('data-position-id');

  // The Positions tab lists it under a name that says what it is, and analyses it.
  await page.getByRole('tab', { name: 'Positions' }).click();
  const row = page.locator(`[data-testid="position-row"][data-position-id="${id}"]`);
  await expect(row.getByRole('button', { name: new RegExp(`^SPY ${lower}/${higher} call debit spread`) })).toBeVisible({ timeout: 15_000 });
  await expect(row.getByTestId('position-row-strategy')).toHaveText('Bull call spread (debit)');
  await row.getByRole('button', { name: new RegExp(`^SPY ${lower}/${higher} call debit spread`) }).click();
  const detail = page.getByTestId('position-detail');
  await expect(detail).toHaveAttribute('data-position-id', id!);

  // The payoff diagram: the expiry line and the today curve, drawn over the price grid.
  const chart = detail.getByTestId('payoff-chart');
  await expect(chart).toBeVisible({ timeout: 20_000 });
  for (const line of ['payoff-expiry', 'payoff-today']) {
    const path = await chart.getByTestId(line).getAttribute('d');
    expect(path?.split('L').length, `${line} points`).toBeGreaterThan(20);
  }

  // One breakeven, at the lower strike plus the debit paid per share.
  // Max profit = (width − debit) × 100 per contract; max loss = the debit × 100.
  const breakevens = chart.getByTestId('payoff-breakeven');
  await expect(breakevens).toHaveCount(1);
  await expect(breakevens).toHaveText(`BE ${(lower + debit).toFixed(2)}`);
  await expect(chart.getByTestId('payoff-max-profit')).toHaveText(`Max profit ${money((higher - lower - debit) * 100)}`);
  await expect(chart.getByTestId('payoff-max-loss')).toHaveText(`Max loss ${money(debit * 100)}`);
  await expect(detail.getByTestId('position-breakevens')).toHaveText((lower + debit).toFixed(2));
  await expect(chart.getByTestId('payoff-spot')).toContainText('Spot');

  // A what-if: the underlying 2% higher (four 0.5% steps), valued at the price the slider names, and marked on the diagram.
  await detail.getByTestId('what-if-price').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect(chart.getByTestId('payoff-scenario')).toBeVisible({ timeout: 10_000 });
  const target = (await detail.getByText(/^\+2% → /).innerText()).split('→')[1]!.trim();
  await expect(detail.getByTestId('what-if-result')).toContainText(`Underlying${target}`, { timeout: 10_000 });
  // Moving only the price adds no curve; moving the date redraws the whole "today" curve on that date.
  await expect(chart.getByTestId('payoff-scenario-curve')).toHaveCount(0);
  await detail.getByTestId('what-if-days').focus();
  for (let i = 0; i < 7; i++) await page.keyboard.press('ArrowRight');
  await expect(chart.getByTestId('payoff-scenario-curve')).toBeVisible({ timeout: 10_000 });

  // Deleting asks first, then the position leaves the list.
  await row.getByRole('button', { name: /^Delete SPY/ }).click();
  await row.getByRole('group', { name: /^Delete SPY .*\?$/ }).getByRole('button', { name: 'Yes' }).click();
  await expect(row).toHaveCount(0, { timeout: 10_000 });

  expect(consoleErrors).toEqual([]);
});
