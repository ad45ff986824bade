import { expect, openApp, test } from './fixtures';

test.beforeEach(async ({ rpc }) => {
  await rpc('settings:set', { key: 'ui.activeTab', value: 'chart' });
});

test('the Chart tab shows simulated bars, switches timeframes and lists its levels', async ({ page, rpc, consoleErrors }) => {
  await openApp(page);
  const tools = page.getByRole('region', { name: 'Tools' });
  await expect(tools.getByRole('tab', { name: 'Chart' })).toHaveAttribute('aria-selected', 'true');
  // Chart is the first tab and System the last.
  await expect(tools.getByRole('tab').first()).toHaveText('Chart');
  await expect(tools.getByRole('tab').last()).toHaveText('System');

  const chart = page.getByTestId('price-chart');
  await expect(chart).toHaveAttribute('data-timeframe', '5m');
  await expect(chart).toHaveAttribute('data-symbol', 'SPY');
  await expect(chart).toHaveAttribute('data-source', 'simulated');
  await expect(page.getByText('Simulated data', { exact: true })).toBeVisible();
  await expect(chart.locator('canvas').first()).toBeVisible();

  // The bar counts match what the API serves for the same request.
  const expected = async (timeframe: string) => ((await rpc('market:bars', { symbol: 'SPY', timeframe })) as { bars: unknown[] }).bars.length;
  const fiveMinute = Number(await chart.getAttribute('data-bar-count'));
  expect(fiveMinute).toBeGreaterThan(0);
  expect(Math.abs(fiveMinute - (await expected('5m')))).toBeLessThanOrEqual(1); // the live bar may have begun since

  const timeframes = page.getByRole('group', { name: 'Timeframe' });
  await timeframes.getByRole('button', { name: '1D' }).click();
  await expect(timeframes.getByRole('button', { name: '1D' })).toHaveAttribute('aria-pressed', 'true');
  await expect(chart).toHaveAttribute('data-timeframe', '1d');
  await expect(chart).toHaveAttribute('data-bar-count', String(await expected('1d')));

  await timeframes.getByRole('button', { name: '1h' }).click();
  await expect(chart).toHaveAttribute('data-timeframe', '1h');
  expect(Number(await chart.getAttribute('data-bar-count'))).toBeGreaterThan(100);

  // The legend lists every level with its price; a group's checkbox hides it.
  const quote = (await rpc('market:quote', { symbol: 'SPY' })) as { prevClose: number };
  const legend = page.getByRole('group', { name: 'Levels' });
  await expect(legend.getByRole('listitem')).toHaveText([`Prev close ${quote.prevClose.toFixed(2)}`]);
  const toggle = legend.getByRole('checkbox', { name: 'Previous day' });
  await toggle.uncheck();
  await expect(toggle).not.toBeChecked();
  await expect(legend.getByRole('listitem')).toHaveClass('level-hidden');
  expect(consoleErrors).toEqual([]);
});

test('searching a symbol charts it; an unknown symbol shows an error', async ({ page, consoleErrors }) => {
  await openApp(page);
  const chart = page.getByTestId('price-chart');
  await expect(chart).toHaveAttribute('data-symbol', 'SPY');
  const box = page.getByRole('search', { name: 'Symbol' }).getByRole('combobox', { name: 'Symbol' });

  await box.fill('spx');
  await box.press('Enter');
  await expect(chart).toHaveAttribute('data-symbol', 'SPX');
  expect(Number(await chart.getAttribute('data-bar-count'))).toBeGreaterThan(0);

  await box.fill('ZZZZ');
  await box.press('Enter');
  const alert = chart.getByRole('alert');
  await expect(alert).toContainText('Could not load ZZZZ');
  await expect(alert).toContainText('Unknown symbol ZZZZ');
  await expect(chart).toHaveAttribute('data-bar-count', '0');
  // A 404 from the API is logged by the browser as a failed resource; nothing else may be.
  expect(consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
});
