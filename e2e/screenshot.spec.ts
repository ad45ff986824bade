import type { Browser, JSHandle, Locator, Page } from '@playwright/test';
import { marketDate } from '../electron/market/calendar';
import { brokerFixtures, renderFixture, renderHtmlToPng } from '../electron/screenshot/testing/broker-fixtures';
import { brokerHtml } from '../electron/screenshot/testing/broker-layouts';
import type { PositionAnalysis } from '../shared/schemas/positions';
import type { ConfirmedPosition, ScreenshotQuota } from '../shared/schemas/screenshot';
import { expect, openApp, test } from './fixtures';

/**
 * Broker screenshot → chat, offline in web mode: a thinkorswim-like table rendered in Chromium is
 * dropped on the window, read by the local OCR, confirmed, and analysed by the offline coach; the
 * follow-up "what is my total delta?" answers the analyser's sum, also after a reload; the daily
 * limit's refusal is shown as the server words it. Bad input
 * gets a clear message and nothing is counted.
 */

/** A Friday about two months ahead (New York), so the fixture's options never expire under the test. */
function fridayAhead(): string {
  const day = new Date(`${marketDate(Date.now() + 60 * 86_400_000)}T12:00:00Z`);
  day.setUTCDate(day.getUTCDate() + ((5 - day.getUTCDay() + 7) % 7));
  return day.toISOString().slice(0, 10);
}

/** What the screenshot shows, written by hand: P&L = (mark − avg) × qty × 100 for a long option, (avg − mark) × qty × 100 short, (mark − avg) × shares. */
function bookTruth(expiry: string): ConfirmedPosition[] {
  return [
    { symbol: 'SPY', assetType: 'call', strike: 600, expiry, quantity: 2, side: 'long', avgPrice: 12.35, mark: 13.1, pnl: 150 }, // 0.75 × 200
    { symbol: 'SPY', assetType: 'put', strike: 560, expiry, quantity: 1, side: 'short', avgPrice: 6.4, mark: 5.9, pnl: 50 }, // 0.50 × 100
    { symbol: 'QQQ', assetType: 'stock', strike: null, expiry: null, quantity: 100, side: 'long', avgPrice: 480.25, mark: 482.75, pnl: 250 }, // 2.50 × 100
  ];
}

/** The same book as positions:analyze legs, one position per underlying (short = negative quantity). */
function legsByUnderlying(book: ConfirmedPosition[]) {
  const groups = new Map<string, unknown[]>();
  for (const p of book) {
    const quantity = p.side === 'short' ? -p.quantity : p.quantity;
    const leg =
      p.assetType === 'stock'
        ? { kind: 'stock', symbol: p.symbol, quantity, price: p.avgPrice }
        : { kind: 'option', symbol: p.symbol, right: p.assetType, strike: p.strike, expiry: p.expiry, quantity, price: p.avgPrice };
    groups.set(p.symbol, [...(groups.get(p.symbol) ?? []), leg]);
  }
  return [...groups.values()];
}

/** The number after "Total delta: " in an answer (ASCII sign, thousands separators). */
function totalDelta(text: string): number {
  const match = /Total delta: ([+-][\d,.]+)/.exec(text);
  if (!match) throw new Error(`No total delta in: ${text}`);
  return Number(match[1]!.replace(/,/g, ''));
}

/** A DataTransfer in the page holding one file made from these bytes. */
function fileTransfer(page: Page, file: { base64?: string; sizeBytes?: number; text?: string; name: string; type: string }): Promise<JSHandle<DataTransfer>> {
  return page.evaluateHandle(({ base64, sizeBytes, text, name, type }) => {
    const bytes = base64 !== undefined ? Uint8Array.from(atob(base64), (c) => c.charCodeAt(0)) : sizeBytes !== undefined ? new Uint8Array(sizeBytes) : new TextEncoder().encode(text ?? '');
    const transfer = new DataTransfer();
    transfer.items.add(new File([bytes], name, { type }));
    return transfer;
  }, file);
}

/** Drags the file over the tools (the drop zone shows) and drops it, as a person would from a file manager. */
async function dropFile(page: Page, transfer: JSHandle<DataTransfer>): Promise<void> {
  const center = page.getByRole('region', { name: 'Tools' });
  await center.dispatchEvent('dragenter', { dataTransfer: transfer });
  await center.dispatchEvent('dragover', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await center.dispatchEvent('drop', { dataTransfer: transfer });
  await expect(page.getByTestId('drop-zone')).toHaveCount(0);
}

/** Counts the page's requests to read a screenshot. */
function countExtractRequests(page: Page): () => number {
  let count = 0;
  page.on('request', (request) => {
    if (/\/api\/(stream\/screenshot:extract|screenshot\/extract)$/.test(new URL(request.url()).pathname)) count += 1;
  });
  return () => count;
}

async function ask(page: Page, question: string): Promise<Locator> {
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const answers = chat.locator('[data-testid="chat-message"][data-role="assistant"]');
  const before = await answers.count();
  const input = chat.getByRole('textbox', { name: 'Message the coach' });
  await input.fill(question);
  await input.press('Enter');
  await expect(answers).toHaveCount(before + 1, { timeout: 15_000 });
  const answer = answers.last();
  await expect(answer).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  return answer;
}

const renderBook = (browser: Browser, book: ConfirmedPosition[]) => {
  const fixture = brokerFixtures().find((f) => f.id === 'thinkorswim-dark')!;
  return renderFixture({ ...fixture, truth: book, html: brokerHtml(fixture.broker, fixture.theme, book) }, browser as never);
};

test.beforeEach(async ({ rpc }) => {
  await rpc('settings:set', { key: 'chat.activeSessionId', value: null });
});

test('a dropped thinkorswim screenshot is read, confirmed and analysed; "what is my total delta?" answers the analyser\'s sum, also after a reload', async ({ page, browser, rpc, consoleErrors }) => {
  test.setTimeout(150_000);
  const book = bookTruth(fridayAhead());
  const png = await renderBook(browser, book);
  const quotaBefore = (await rpc('screenshot:quota')) as ScreenshotQuota;

  await openApp(page);
  await dropFile(page, await fileTransfer(page, { base64: png.toString('base64'), name: 'tos-positions.png', type: 'image/png' }));

  const dialog = page.getByRole('dialog', { name: 'Read positions from a screenshot' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('img', { name: 'The screenshot being read' })).toBeVisible();
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  const send = dialog.getByRole('button', { name: 'Send to AI Coach' });
  await expect(send).toBeEnabled({ timeout: 90_000 });
  await expect(dialog).toContainText('3 positions read as thinkorswim by local OCR');

  // Every field as the hand-written truth has it.
  const rows = dialog.getByTestId('confirm-row');
  await expect(rows).toHaveCount(book.length);
  for (const [i, p] of book.entries()) {
    const row = rows.nth(i);
    const n = i + 1;
    await expect(row.getByRole('textbox', { name: `Symbol, row ${n}` })).toHaveValue(p.symbol);
    await expect(row.getByRole('combobox', { name: `Type, row ${n}` })).toHaveValue(p.assetType);
    await expect(row.getByRole('combobox', { name: `Side, row ${n}` })).toHaveValue(p.side);
    await expect(row.getByLabel(`Expiry, row ${n}`)).toHaveValue(p.expiry ?? '');
    const numbers: [string, number | null | undefined][] = [
      ['Quantity', p.quantity],
      ['Average price', p.avgPrice],
      ['Mark', p.mark],
      ['P&L', p.pnl],
      ...(p.assetType === 'stock' ? [] : ([['Strike', p.strike]] as [string, number | null | undefined][])),
    ];
    for (const [label, value] of numbers) expect(Number(await row.getByRole('textbox', { name: `${label}, row ${n}` }).inputValue()), `${label}, row ${n}`).toBe(value);
  }

  // Enter in a cell ends the edit; only the button sends.
  await rows.first().getByRole('textbox', { name: 'Strike, row 1' }).press('Enter');
  await expect(dialog).toBeVisible();
  await expect(page.getByRole('region', { name: 'AI Coach' }).locator('[data-testid="chat-message"]')).toHaveCount(0);

  await send.click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByTestId('notice-toast')).toHaveText(/Positions sent to AI Coach for analysis\./);

  // The analysis streams in the chat like any answer, with a position_summary card per underlying.
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const analysis = chat.locator('[data-testid="chat-message"][data-role="assistant"]').last();
  await expect(analysis).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  await expect(analysis.locator('[data-widget="position_summary"]')).toHaveCount(2);

  // Independently: the same legs, written here, through the analyser's own call.
  let expected = 0;
  for (const legs of legsByUnderlying(book)) expected += ((await rpc('positions:analyze', { legs })) as PositionAnalysis).totals.delta;
  // Option deltas move with the simulated price between the calls: within 1 % (or half a share).
  const near = (value: number) => expect(Math.abs(value - expected)).toBeLessThanOrEqual(Math.max(0.5, Math.abs(expected) * 0.01));

  const followUp = await ask(page, 'what is my total delta?');
  await expect(followUp).toContainText('shares across SPY, QQQ');
  near(totalDelta((await followUp.textContent()) ?? ''));

  // A reload: the session reopens and the stored positions still answer.
  await page.reload();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
  await expect(chat.locator('[data-widget="position_summary"]').first()).toBeVisible();
  const again = await ask(page, 'what is my total delta?');
  near(totalDelta((await again.textContent()) ?? ''));

  const quotaAfter = (await rpc('screenshot:quota')) as ScreenshotQuota;
  expect(quotaAfter.used).toBe(quotaBefore.used + 1);
  expect(consoleErrors).toEqual([]);

  // The day's limit reached: the menu says so, and the server's refusal is shown as it words it.
  await rpc('settings:set', { key: 'screenshot.dailyLimit', value: quotaAfter.used });
  try {
    await chat.getByRole('button', { name: 'Read positions from a screenshot' }).click();
    await expect(chat.getByTestId('screenshot-quota')).toHaveText(`${quotaAfter.used} of ${quotaAfter.used} screenshot${quotaAfter.used === 1 ? '' : 's'} read today — the daily limit is reached`);
    await page.keyboard.press('Escape');
    await dropFile(page, await fileTransfer(page, { base64: png.toString('base64'), name: 'tos-positions.png', type: 'image/png' }));
    await expect(dialog.getByRole('alert')).toContainText(`You have read ${quotaAfter.used} screenshot`);
    await expect(dialog.getByRole('alert')).toContainText('Code rate_limited');
  } finally {
    await rpc('settings:reset', { key: 'screenshot.dailyLimit' });
  }
  expect(((await rpc('screenshot:quota')) as ScreenshotQuota).used).toBe(quotaAfter.used);
  // The browser logs the refused request itself; nothing else went wrong.
  expect(consoleErrors).toEqual(['console: Failed to load resource: the server responded with a status of 429 (Too Many Requests)']);
});

test('bad input: a text file, a 30 MB image, a corrupt PNG and a picture with no table each get a clear message; nothing is counted', async ({ page, browser, rpc }) => {
  test.setTimeout(90_000);
  const quotaBefore = (await rpc('screenshot:quota')) as ScreenshotQuota;
  await openApp(page);
  const extractRequests = countExtractRequests(page);
  const dialog = page.getByRole('dialog', { name: 'Read positions from a screenshot' });
  const close = () => dialog.getByRole('button', { name: 'Close' }).click();

  // The drop zone follows the drag: entering the tools and then a child of it, it stays until both are left;
  // a drag of text (not files) shows none.
  const center = page.getByRole('region', { name: 'Tools' });
  const files = await fileTransfer(page, { text: 'x', name: 'a.png', type: 'image/png' });
  await center.dispatchEvent('dragenter', { dataTransfer: files });
  await page.getByRole('tablist').dispatchEvent('dragenter', { dataTransfer: files });
  await center.dispatchEvent('dragleave', { dataTransfer: files });
  await expect(page.getByTestId('drop-zone')).toBeVisible();
  await page.getByRole('tablist').dispatchEvent('dragleave', { dataTransfer: files });
  await expect(page.getByTestId('drop-zone')).toHaveCount(0);
  const text = await page.evaluateHandle(() => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', 'SPY 600 call');
    return transfer;
  });
  await center.dispatchEvent('dragenter', { dataTransfer: text });
  await expect(page.getByTestId('drop-zone')).toHaveCount(0);
  await center.dispatchEvent('dragleave', { dataTransfer: text });

  // Checked in the page: nothing is sent.
  await dropFile(page, await fileTransfer(page, { text: 'SPY 600 call x2', name: 'positions.txt', type: 'text/plain' }));
  await expect(dialog.getByRole('alert')).toContainText('This file is not an image the app can read: use a PNG, JPEG or WebP screenshot');
  await expect(dialog.getByRole('alert')).toContainText('Nothing was sent.');
  await close();

  await dropFile(page, await fileTransfer(page, { sizeBytes: 30 * 1024 * 1024, name: 'huge.png', type: 'image/png' }));
  await expect(dialog.getByRole('alert')).toContainText('The image is 30.0 MB; the limit is 10 MB');
  await close();
  expect(extractRequests()).toBe(0);

  // Read by the server, which says what is wrong.
  const corrupt = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.from('not really a picture '.repeat(40))]);
  await dropFile(page, await fileTransfer(page, { base64: corrupt.toString('base64'), name: 'broken.png', type: 'image/png' }));
  await expect(dialog.getByRole('alert')).toContainText('The PNG file is damaged and cannot be read');
  await close();

  const notes = '<p>Markets were quiet this morning. I am thinking about what to trade next week.</p><p>Plan: wait for the open, then decide. Keep risk small and journal every trade.</p>';
  const paragraph = await renderHtmlToPng(`<!doctype html><body style="margin:0;background:#fff;font:16px sans-serif"><div id="shot" style="width:640px;padding:24px">${notes}</div></body>`, browser as never);
  await dropFile(page, await fileTransfer(page, { base64: paragraph.toString('base64'), name: 'notes.png', type: 'image/png' }));
  await expect(dialog.getByRole('alert')).toContainText('No positions table found', { timeout: 60_000 });
  await close();
  expect(extractRequests()).toBe(2);

  expect(((await rpc('screenshot:quota')) as ScreenshotQuota).used).toBe(quotaBefore.used);
  // Nothing reached the coach either: no conversation was started.
  await expect(page.getByRole('region', { name: 'AI Coach' }).locator('[data-testid="chat-message"]')).toHaveCount(0);
});

test('the menu\'s file picker and a paste into the composer open the reading; Escape cancels it and nothing is counted', async ({ page, browser, rpc }) => {
  test.setTimeout(60_000);
  const png = await renderBook(browser, bookTruth(fridayAhead()));
  const quotaBefore = (await rpc('screenshot:quota')) as ScreenshotQuota;
  await openApp(page);
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const dialog = page.getByRole('dialog', { name: 'Read positions from a screenshot' });

  await chat.getByRole('button', { name: 'Read positions from a screenshot' }).click();
  const menu = chat.getByRole('menu', { name: 'Read positions from a screenshot' });
  await expect(menu.getByRole('menuitem')).toHaveText(['Choose file…', 'Capture screen…']);
  await expect(chat.getByTestId('screenshot-quota')).toHaveText(`${quotaBefore.used} of ${quotaBefore.limit} screenshots read today`);
  const chooser = page.waitForEvent('filechooser');
  await menu.getByRole('menuitem', { name: 'Choose file…' }).click();
  await (await chooser).setFiles({ name: 'tos.png', mimeType: 'image/png', buffer: png });
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await expect(dialog).toContainText('tos.png');
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  // An image pasted into the composer is read as a screenshot, not pasted as text.
  const composer = chat.getByRole('textbox', { name: 'Message the coach' });
  await composer.focus();
  // Cells copied from a spreadsheet carry their text and a picture of themselves: the text paste is
  // left to the composer (the app does not cancel the event).
  const leftToComposer = await composer.evaluate((element, base64) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', 'SPY\t600\tcall');
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'cells.png', { type: 'image/png' }));
    return element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, png.toString('base64'));
  expect(leftToComposer).toBe(true);
  await composer.evaluate((element, base64) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], 'image.png', { type: 'image/png' }));
    element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, png.toString('base64'));
  await expect(dialog.getByRole('progressbar')).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(composer).toHaveValue('');

  expect(((await rpc('screenshot:quota')) as ScreenshotQuota).used).toBe(quotaBefore.used);
  await expect(chat.locator('[data-testid="chat-message"]')).toHaveCount(0);
});

test('positions confirmed while an answer is on its way wait for it: the notice says so, then "sent", and the analysis follows the answer', async ({ page, browser }) => {
  test.setTimeout(120_000);
  const png = await renderBook(browser, bookTruth(fridayAhead()));
  await openApp(page);
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const messages = chat.locator('[data-testid="chat-message"]');

  // The question's request is held on its way to the server, so the chat waits for its answer.
  let release = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/api/stream/chat:send', async (route) => {
    await held;
    await route.continue();
  });
  const composer = chat.getByRole('textbox', { name: 'Message the coach' });
  await composer.fill('what is SPY at?');
  await composer.press('Enter');
  await expect(chat.getByRole('button', { name: 'Stop' })).toBeVisible();

  await dropFile(page, await fileTransfer(page, { base64: png.toString('base64'), name: 'tos-positions.png', type: 'image/png' }));
  const dialog = page.getByRole('dialog', { name: 'Read positions from a screenshot' });
  const send = dialog.getByRole('button', { name: 'Send to AI Coach' });
  await expect(send).toBeEnabled({ timeout: 90_000 });
  await send.click();
  await expect(page.getByTestId('notice-toast')).toHaveText(/Positions confirmed: they go to AI Coach once its current answer has finished\./);
  await expect(messages).toHaveCount(2); // the question and its pending answer; the positions wait

  release();
  await expect(page.getByTestId('notice-toast')).toHaveText(/Positions sent to AI Coach for analysis\./, { timeout: 15_000 });
  // Question, its answer, the automatic request and the analysis, in that order.
  await expect(messages).toHaveCount(4, { timeout: 15_000 });
  await expect(messages.nth(1)).toContainText('SPY');
  await expect(messages.last()).toHaveAttribute('data-status', 'complete', { timeout: 30_000 });
  await expect(messages.last().locator('[data-widget="position_summary"]')).toHaveCount(2);
});
