import type { Locator } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

test.beforeEach(async ({ rpc }) => {
  await rpc('settings:set', { key: 'ui.activeTab', value: 'chart' });
});

/** Bars the API serves for SPY at `timeframe` right now (its default range, as the page asks). */
type BarCount = (timeframe: string) => Promise<number>;

/**
 * The chart's bar count equals the API's answer to the same request at some moment between
 * `before` (read before the page asked) and now: a new bar, or a new day at midnight or 04:00 New
 * York, may fall between the page's request and ours, but not twice within a few seconds.
 */
async function expectBarCountAsServed(chart: Locator, count: BarCount, timeframe: string, before: number): Promise<void> {
  await expect(chart).toHaveAttribute('data-timeframe', timeframe);
  const shown = Number(await chart.getAttribute('data-bar-count'));
  expect(shown).toBeGreaterThan(0);
  expect([before, await count(timeframe)]).toContain(shown);
}

const newYorkMinute = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
const newYorkDay = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', month: '2-digit', day: '2-digit' });

/** The header's "last HH:MM ET" for a print at `time`, with its MM-DD when it is not the page's today. */
function lastPrintText(time: number): RegExp {
  return new RegExp(`^last (${newYorkDay.format(time).replace('/', '-')} )?${newYorkMinute.format(time)} ET$`);
}

test('the Chart tab shows simulated bars and switches timeframes', async ({ page, rpc, consoleErrors }) => {
  // The quote the page last received: at 04:00 New York it jumps from the evening before to the
  // pre-market while the page still shows the earlier one, so the header is checked against the page's own.
  let pageQuote: { time: number } | undefined;
  await page.route('**/api/rpc/market:quote', async (route) => {
    const response = await route.fetch();
    const json = (await response.json()) as { time: number };
    pageQuote = json;
    await route.fulfill({ response, json });
  });
  const count: BarCount = async (timeframe) => ((await rpc('market:bars', { symbol: 'SPY', timeframe })) as { bars: unknown[] }).bars.length;
  const fiveMinuteBefore = await count('5m');
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
  // The header says when the last price printed (New York), so an after-hours print reads as one.
  const printTime = page.getByTitle('Time of the last price, New York');
  await expect(async () => {
    expect(pageQuote).toBeDefined();
    expect(await printTime.textContent()).toMatch(lastPrintText(pageQuote!.time));
  }).toPass({ timeout: 5_000 });
  await expect(chart.locator('canvas').first()).toBeVisible();

  // The bar counts match what the API serves for the same request.
  await expectBarCountAsServed(chart, count, '5m', fiveMinuteBefore);

  const timeframes = page.getByRole('group', { name: 'Timeframe' });
  const dailyBefore = await count('1d');
  await timeframes.getByRole('button', { name: '1D' }).click();
  await expect(timeframes.getByRole('button', { name: '1D' })).toHaveAttribute('aria-pressed', 'true');
  await expectBarCountAsServed(chart, count, '1d', dailyBefore);

  await timeframes.getByRole('button', { name: '1h' }).click();
  await expect(chart).toHaveAttribute('data-timeframe', '1h');
  expect(Number(await chart.getAttribute('data-bar-count'))).toBeGreaterThan(100);

  expect(consoleErrors).toEqual([]);
});

interface Levels {
  levels: { name: string; price: number; group: string }[];
  vwap: { series: unknown[] };
}

test('the Chart tab draws the key levels and the VWAP bands, with a switch per group', async ({ page, consoleErrors }) => {
  // In a live session HOD, LOD and the pre-market range move with the clock: the page's levels are
  // held at its first answer, which the expectations below are computed from.
  let frozen: Levels | undefined;
  await page.route('**/api/rpc/levels:get', async (route) => {
    frozen ??= (await (await route.fetch()).json()) as Levels;
    await route.fulfill({ json: frozen });
  });
  await openApp(page);
  const chart = page.getByTestId('price-chart');
  const canvas = chart.getByTestId('chart-canvas');
  const legend = page.getByRole('group', { name: 'Levels' });
  const timeframes = page.getByRole('group', { name: 'Timeframe' });
  await expect(chart).toHaveAttribute('data-timeframe', '5m');

  // The legend lists the engine's levels with their prices.
  await expect.poll(() => frozen).toBeDefined();
  const result = frozen!;
  const row = (name: string) => legend.getByRole('listitem').filter({ hasText: new RegExp(`^${name} `) });
  for (const name of ['PDH', 'PDL', 'PDC', 'P (classic)']) {
    await expect(row(name.replace(/[()]/g, '\\$&'))).toContainText(result.levels.find((l) => l.name === name)!.price.toFixed(2));
  }
  const hasVwap = result.vwap.series.length > 0; // none yet before the 09:30 open
  if (hasVwap) await expect(row('VWAP(?= \\d)')).toHaveText(/^VWAP \d+\.\d{2} [+-]\d+\.\d{2}$/);

  // Drawn: every level of the main groups (pivots, expected moves and prior week/month start
  // hidden), levels at the same cent as one price line; on intraday charts the VWAP group as seven
  // lines (VWAP and ±1/2/3σ) instead of price lines.
  const shownByDefault = new Set(['prior-day', 'premarket', 'today', 'opening-range', 'vwap']);
  const shown = result.levels.filter((l) => shownByDefault.has(l.group));
  const vwapLevels = shown.filter((l) => l.group === 'vwap').length;
  const cents = new Set(shown.filter((l) => l.group !== 'vwap').map((l) => Math.round(l.price * 100)));
  await expect(canvas).toHaveAttribute('data-level-count', String(shown.length - vwapLevels));
  await expect(canvas).toHaveAttribute('data-price-lines', String(cents.size));
  await expect(canvas).toHaveAttribute('data-vwap-lines', hasVwap ? '7' : '0');
  for (const group of ['Pivots (classic)', 'Pivots (Fibonacci)', 'ATR move', 'Prior week', 'Prior month']) {
    await expect(legend.getByRole('checkbox', { name: group })).not.toBeChecked();
  }
  // Pre-market and after-hours are shaded on intraday charts (two sessions of 5-minute bars), not on the daily one.
  expect(Number(await canvas.getAttribute('data-extended-runs'))).toBeGreaterThanOrEqual(2);

  // Hiding a group hides its lines and greys its rows; showing it draws them again.
  const priorDay = legend.getByRole('checkbox', { name: 'Prior day' });
  await priorDay.uncheck();
  await expect(canvas).toHaveAttribute('data-level-count', String(shown.length - vwapLevels - 3));
  await expect(row('PDH')).toHaveClass('level-hidden');
  await priorDay.check();
  await expect(canvas).toHaveAttribute('data-level-count', String(shown.length - vwapLevels));
  await expect(row('PDH')).not.toHaveClass('level-hidden');
  if (hasVwap) {
    await legend.getByRole('checkbox', { name: 'VWAP' }).uncheck();
    await expect(canvas).toHaveAttribute('data-vwap-lines', '0');
    await legend.getByRole('checkbox', { name: 'VWAP' }).check();
    await expect(canvas).toHaveAttribute('data-vwap-lines', '7');
  }

  // Other timeframes keep the levels; the daily chart leaves today's intraday ones off and says so.
  await timeframes.getByRole('button', { name: '1m' }).click();
  await expect(chart).toHaveAttribute('data-timeframe', '1m');
  await expect(canvas).toHaveAttribute('data-level-count', String(shown.length - vwapLevels));
  await expect(canvas).toHaveAttribute('data-vwap-lines', hasVwap ? '7' : '0');
  await timeframes.getByRole('button', { name: '1D' }).click();
  await expect(chart).toHaveAttribute('data-timeframe', '1d');
  const intraday = new Set(['premarket', 'opening-range', 'vwap']);
  await expect(canvas).toHaveAttribute('data-level-count', String(shown.filter((l) => !intraday.has(l.group)).length));
  await expect(canvas).toHaveAttribute('data-vwap-lines', '0');
  await expect(page.getByRole('region', { name: 'Chart levels' })).toContainText('Daily chart: pre-market, opening-range and VWAP levels are drawn on intraday charts only.');
  await expect(canvas).toHaveAttribute('data-extended-runs', '0');
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
  // An index prints no volume: the legend says why there is no VWAP rather than leaving it out silently.
  await expect(page.getByRole('region', { name: 'Chart levels' })).toContainText('No VWAP: SPX prints no volume (an index)');

  await box.fill('ZZZZ');
  await box.press('Enter');
  const alert = chart.getByRole('alert');
  await expect(alert).toContainText('Could not load ZZZZ');
  await expect(alert).toContainText('Unknown symbol ZZZZ');
  await expect(chart).toHaveAttribute('data-bar-count', '0');
  // On top of the chart's canvases, not under them: the element at the message's centre is the message.
  const onTop = await alert.evaluate((el) => {
    const box = el.getBoundingClientRect();
    return el.contains(document.elementFromPoint(box.x + box.width / 2, box.y + box.height / 2));
  });
  expect(onTop).toBe(true);
  // A 404 from the API is logged by the browser as a failed resource; nothing else may be.
  expect(consoleErrors.filter((e) => !e.includes('404'))).toEqual([]);
});

test('a failed levels call leaves the chart drawn and says so in the legend card; Retry recovers', async ({ page, consoleErrors }) => {
  await page.route('**/api/rpc/levels:get', (route) =>
    route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'Levels engine unavailable (test)', requestId: 'levels-e2e-1' } }) }),
  );
  await openApp(page);
  const chart = page.getByTestId('price-chart');
  await expect(chart).toHaveAttribute('data-symbol', 'SPY');
  expect(Number(await chart.getAttribute('data-bar-count'))).toBeGreaterThan(0);
  await expect(chart.getByRole('alert')).toHaveCount(0);
  const card = page.getByRole('region', { name: 'Chart levels' });
  const notice = card.getByRole('alert');
  await expect(notice).toContainText('Levels unavailable for SPY');
  await expect(notice).toContainText('Levels engine unavailable (test)');
  await expect(notice).toContainText('levels-e2e-1');
  await expect(chart.getByTestId('chart-canvas')).toHaveAttribute('data-level-count', '0');

  await page.unroute('**/api/rpc/levels:get');
  await notice.getByRole('button', { name: 'Retry' }).click();
  await expect(notice).toHaveCount(0);
  await expect(card.getByRole('group', { name: 'Levels' }).getByRole('listitem').filter({ hasText: /^PDH / })).toHaveCount(1);
  expect(Number(await chart.getByTestId('chart-canvas').getAttribute('data-level-count'))).toBeGreaterThan(0);
  // The browser logs the refused request itself; nothing else may be logged.
  expect(consoleErrors.filter((e) => !e.includes('503'))).toEqual([]);
});
