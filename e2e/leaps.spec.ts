import { januaryLeapsExpiry as thirdFridayOfJanuary } from '../renderer/src/lib/leaps';
import { expect, openApp, test } from './fixtures';

interface MacroContext {
  rate: { value: number };
  calendar: { next: Record<'fomc' | 'cpi' | 'nfp', { date: string } | null> };
}

test('projects a LEAPS call into a heat map: intrinsic value on the expiry row, IV shifts, field errors', async ({ page, rpc, consoleErrors }) => {
  test.slow(); // the projection prices a few thousand American contracts
  await rpc('settings:set', { key: 'ui.activeTab', value: 'leaps' });
  await openApp(page);
  const tab = page.getByRole('tabpanel', { name: 'LEAPS & Macro' });

  // A blank strike is named beside its field before anything is sent.
  await tab.getByTestId('projection-submit').click();
  await expect(tab.getByText('Enter the strike')).toBeVisible();

  const expiry = thirdFridayOfJanuary(new Date().getUTCFullYear() + 2);
  await tab.getByLabel('Strike').fill('600');
  await tab.getByLabel('Expiry').fill(expiry);
  await tab.getByLabel('Entry premium / share').fill('50');
  await tab.getByLabel('Spot (optional)').fill('600');
  await tab.getByLabel('IV % (optional)').fill('20');
  await tab.getByTestId('projection-submit').click();

  const heatmap = tab.getByTestId('projection-heatmap');
  // About 2 000 American (Bjerksund–Stensland) cells with finite-difference greeks: allow for a busy machine.
  await expect(heatmap).toBeVisible({ timeout: 45_000 });
  // On the expiry date the call is worth its intrinsic value: +10 % → 660 − 600 = 60 a share, 6 000 for
  // the contract, minus the 5 000 paid = +1,000; −30 % → worthless, −5,000.
  await expect(tab.getByTestId(`heat-${expiry}-10`)).toHaveText('+1,000');
  await expect(tab.getByTestId(`heat-${expiry}--30`)).toHaveText('−5,000');
  const todayCell = heatmap.locator('tbody tr').first().locator('td').nth(6); // the 0 % column
  const atZero = await todayCell.textContent();
  await tab.getByTestId('iv-shift-10').click();
  await expect(tab.getByTestId('iv-shift-10')).toHaveAttribute('aria-pressed', 'true');
  await expect(todayCell).not.toHaveText(atZero!); // more volatility, more value before expiry
  await expect(tab.getByTestId(`heat-${expiry}-10`)).toHaveText('+1,000'); // none at expiry
  expect(consoleErrors).toEqual([]);
});

test('the roll calculator shows the net credit, the new breakeven and the chain; the macro panel its calendar', async ({ page, rpc, consoleErrors }) => {
  test.slow(); // the macro panel quotes 16 symbols
  await rpc('settings:set', { key: 'ui.activeTab', value: 'leaps' });
  await openApp(page);
  const tab = page.getByRole('tabpanel', { name: 'LEAPS & Macro' });
  await tab.getByTestId('leaps-view-roll').click();

  // Short 2 puts K=580 sold at 3.00, bought back at 1.20, rolled to K=560 a year later sold at 2.50:
  // +1.30 a share ($260), breakeven 580 − 3 = 577 → 560 − 4.30 = 555.70.
  const year = new Date().getUTCFullYear();
  await tab.getByLabel('Call / put').selectOption('put');
  await tab.getByLabel('Contracts (− = short)').fill('-2');
  await tab.getByLabel('Current strike').fill('580');
  await tab.getByLabel('Current expiry').fill(thirdFridayOfJanuary(year + 2));
  await tab.getByLabel('Entry premium / share').fill('3');
  await tab.getByLabel('New strike').fill('560');
  await tab.getByLabel('New expiry').fill(thirdFridayOfJanuary(year + 3));
  await tab.getByLabel('Close price (optional)').fill('1.20');
  await tab.getByLabel('Open price (optional)').fill('2.50');
  await tab.getByTestId('roll-submit').click();
  const result = tab.getByTestId('roll-result');
  await expect(result.getByRole('heading', { name: 'Roll out and down' })).toBeVisible();
  await expect(result.getByTestId('roll-net')).toHaveText('Credit $1.30 / share ($260.00)');
  await expect(result.getByTestId('roll-breakeven')).toHaveText('577 → 555.7');
  await expect(result.getByTestId('roll-chain')).toContainText('$4.30 / share ($860.00)');

  await tab.getByTestId('leaps-view-macro').click();
  const macro = (await rpc('macro:context', {})) as MacroContext;
  const panel = tab.getByTestId('macro-panel');
  await expect(panel.getByTestId('macro-rate')).toHaveText(`${(macro.rate.value * 100).toFixed(2)} %`);
  await expect(panel.getByRole('list', { name: 'VIX term structure' }).getByRole('listitem')).toHaveCount(4);
  await expect(panel.getByTestId('vix-shape')).toContainText('VIX/VIX3M');
  if (macro.calendar.next.fomc) await expect(panel.getByTestId('next-fomc')).toContainText(macro.calendar.next.fomc.date);
  await expect(panel.getByTestId('macro-sectors').locator('tbody tr')).toHaveCount(11);
  await expect(panel.getByTestId('macro-indices')).toContainText('VIX');
  expect(consoleErrors).toEqual([]);
});
