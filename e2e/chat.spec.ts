import type { Page } from '@playwright/test';
import { E2E_TOKEN, expect, openApp, test } from './fixtures';

/** What the page looked like at one DOM change while an answer streamed. */
interface Sample {
  /** Characters of answer text shown so far. */
  chars: number;
  /** A key_levels card is in the streaming bubble. */
  card: boolean;
  /** The function chips' text and state. */
  chips: string[];
  /** The blinking cursor is drawn (the streaming text's class, or the "Thinking" cursor). */
  cursor: boolean;
}

/**
 * Records the streaming bubble at every DOM change from now on (a MutationObserver in the page), so
 * the test sees each state React drew, however fast the tokens come.
 */
async function recordStreaming(page: Page): Promise<void> {
  await page.evaluate(() => {
    const samples: Sample[] = [];
    (window as unknown as { chatSamples: Sample[] }).chatSamples = samples;
    const log = document.querySelector('[role="log"][aria-label="Conversation"]')!;
    new MutationObserver(() => {
      const bubble = log.querySelector('[data-testid="chat-message"][data-status="streaming"]');
      if (!bubble) return;
      samples.push({
        chars: bubble.querySelector('.chat-markdown')?.textContent?.length ?? 0,
        card: bubble.querySelector('[data-widget="key_levels"]') !== null,
        chips: [...bubble.querySelectorAll('[data-testid="function-chip"]')].map((c) => `${c.textContent} [${c.getAttribute('data-status')}]`),
        cursor: bubble.querySelector('.chat-markdown-streaming, .chat-cursor') !== null,
      });
    }).observe(log, { subtree: true, childList: true, characterData: true, attributes: true });
  });
}

const samplesOf = (page: Page) => page.evaluate(() => (window as unknown as { chatSamples: Sample[] }).chatSamples);

// Each test starts in a new conversation, whatever an earlier one left open.
test.beforeEach(async ({ rpc }) => {
  await rpc('settings:set', { key: 'chat.activeSessionId', value: null });
});

test('the offline coach streams key levels: tokens, a chip, the card before the text ends; a reload keeps it', async ({ page, consoleErrors }) => {
  await openApp(page);
  const chat = page.getByRole('region', { name: 'AI Coach' });
  await expect(chat.getByTestId('chat-engine')).toHaveText('Offline coach');
  const log = chat.getByRole('log', { name: 'Conversation' });

  await recordStreaming(page);
  const input = chat.getByRole('textbox', { name: 'Message the coach' });
  await input.fill('key levels for SPX');
  await input.press('Enter');
  await expect(input).toHaveValue('');

  const answer = log.locator('[data-testid="chat-message"][data-role="assistant"]').last();
  await expect(answer).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });
  const text = (await answer.locator('.chat-markdown').textContent()) ?? '';
  expect(text.length).toBeGreaterThan(40);
  await expect(answer.locator('[data-widget="key_levels"]')).toBeVisible();
  await expect(answer.getByTestId('key-level-row').first()).toBeVisible();

  const samples = await samplesOf(page);
  const lengths = [...new Set(samples.map((s) => s.chars))].filter((n) => n > 0);
  // Tokens arrived one after another: the text grew through many sizes before the final one.
  expect(lengths.length, `text sizes seen while streaming: ${lengths.join(', ')}`).toBeGreaterThanOrEqual(5);
  expect(lengths.every((n, i) => i === 0 || n > lengths[i - 1]!)).toBe(true);
  expect(Math.max(...lengths)).toBeLessThanOrEqual(text.length);
  // The chip said what the coach was doing.
  expect(samples.some((s) => s.chips.some((c) => /key levels/i.test(c)))).toBe(true);
  // The card was drawn while the text was still arriving (cursor showing, text not complete).
  const early = samples.find((s) => s.card);
  expect(early, 'the card appeared while streaming').toBeDefined();
  expect(early!.cursor).toBe(true);
  expect(early!.chars).toBeLessThan(text.length);

  // A reload opens the same conversation: the question, the answer and its card.
  await page.reload();
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
  const reloaded = page.getByRole('region', { name: 'AI Coach' }).getByRole('log', { name: 'Conversation' });
  await expect(reloaded.locator('[data-role="user"]').last()).toHaveText('key levels for SPX');
  const stored = reloaded.locator('[data-testid="chat-message"][data-role="assistant"]').last();
  await expect(stored.locator('.chat-markdown')).toHaveText(text);
  await expect(stored.locator('[data-widget="key_levels"]')).toBeVisible();
  await expect(stored.getByTestId('function-chip')).toContainText(['Get key levels']);

  expect(consoleErrors).toEqual([]);
});

test('Stop keeps the partial answer, marked stopped, also after a reload', async ({ page, request, consoleErrors }) => {
  // A long answer: four symbols' levels, a paragraph each (some 400 words, 15 ms apart on the test server).
  const question = 'key levels for SPX, NDX, SPY and QQQ';
  const full = await request.post('/api/chat/message', { data: { message: question }, headers: { authorization: `Bearer ${E2E_TOKEN}` } });
  const fullLength = ((await full.json()) as { message: { content: string } }).message.content.length;

  await openApp(page);
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const log = chat.getByRole('log', { name: 'Conversation' });
  const input = chat.getByRole('textbox', { name: 'Message the coach' });
  await input.fill(question);
  await input.press('Enter');

  const streaming = log.locator('[data-testid="chat-message"][data-status="streaming"]');
  await expect(streaming.locator('.chat-markdown')).toHaveText(/\S{3}/, { timeout: 10_000 });
  await chat.getByRole('button', { name: 'Stop' }).click();

  const stopped = log.locator('[data-testid="chat-message"][data-role="assistant"]').last();
  await expect(stopped).toHaveAttribute('data-status', 'stopped');
  await expect(stopped.getByTestId('stopped-mark')).toHaveText('Stopped');
  await expect(chat.getByRole('button', { name: 'Send' })).toBeVisible();
  const partial = (await stopped.locator('.chat-markdown').textContent()) ?? '';
  expect(partial.length).toBeGreaterThan(0);
  expect(partial.length).toBeLessThan(fullLength / 2);

  // The server keeps what it had streamed when it saw the stop (the page may have shown a word or two less).
  await page.reload();
  const reloaded = page.getByRole('region', { name: 'AI Coach' }).getByRole('log', { name: 'Conversation' });
  const kept = reloaded.locator('[data-testid="chat-message"][data-role="assistant"]').last();
  await expect(kept).toHaveAttribute('data-status', 'stopped');
  await expect(kept.getByTestId('stopped-mark')).toBeVisible();
  const keptText = (await kept.locator('.chat-markdown').textContent()) ?? '';
  expect(keptText.startsWith(partial.trimEnd())).toBe(true);
  expect(keptText.length).toBeLessThan(fullLength / 2);

  expect(consoleErrors).toEqual([]);
});

test('conversations: regenerate, copy, export, Ctrl+K, search, rename, open, delete; Esc stops', async ({ page, context, consoleErrors }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openApp(page);
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const log = chat.getByRole('log', { name: 'Conversation' });
  const input = chat.getByRole('textbox', { name: 'Message the coach' });
  const answers = log.locator('[data-testid="chat-message"][data-role="assistant"]');

  await input.fill('what is the price of SPY');
  await input.press('Enter');
  await expect(answers.last()).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });

  // Regenerate answers the same question again, in place of the old answer.
  await answers.last().getByRole('button', { name: 'Regenerate' }).click();
  await expect(log.locator('[data-status="streaming"]')).toHaveCount(1);
  await expect(answers.last()).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });
  await expect(log.locator('[data-role="user"]')).toHaveCount(1);
  await expect(answers).toHaveCount(1);

  const answer = (await answers.last().locator('.chat-markdown').textContent()) ?? '';
  await answers.last().getByRole('button', { name: 'Copy answer' }).click();
  await expect(answers.last().getByRole('button', { name: 'Copied' })).toBeVisible();
  // The Markdown source, which the page drew as text: the same words.
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied.replace(/[*_`#>|-]/g, '').replace(/\s+/g, ' ').trim()).toContain(answer.split(/\s+/).slice(0, 4).join(' '));

  const download = page.waitForEvent('download');
  await chat.getByRole('button', { name: 'Export as Markdown' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/\.md$/);
  const fs = await import('node:fs');
  expect(fs.readFileSync(await file.path(), 'utf8')).toContain('what is the price of SPY');

  // Ctrl+K: a new, empty conversation; its first message makes the second session.
  await page.keyboard.press('Control+k');
  await expect(log.locator('[data-testid="chat-message"]')).toHaveCount(0);
  await expect(input).toBeFocused();
  await input.fill('Show my active alerts');
  await input.press('Enter');
  await expect(answers.last()).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });

  await chat.getByRole('button', { name: 'Conversations' }).click();
  const list = chat.getByRole('navigation', { name: 'Conversations' });
  await list.getByRole('searchbox', { name: 'Search conversations' }).fill('price of SPY');
  const rows = list.getByTestId('chat-session');
  await expect(rows).toHaveCount(1);
  await rows.getByRole('button', { name: /^Rename/ }).click();
  const title = rows.getByRole('textbox');
  await title.fill('SPY price check');
  await title.press('Enter');
  await expect(rows.first()).toContainText('SPY price check');

  await rows.first().getByRole('button', { name: /^SPY price check/ }).click();
  await expect(list).toBeHidden();
  await expect(log.locator('[data-role="user"]')).toHaveText(['what is the price of SPY']);

  // Delete the alerts conversation (asks first); the open one stays.
  await chat.getByRole('button', { name: 'Conversations' }).click();
  await list.getByRole('searchbox', { name: 'Search conversations' }).fill('Show my active alerts');
  await expect(rows).toHaveCount(1);
  await rows.getByRole('button', { name: /^Delete conversation/ }).click();
  await rows.getByRole('button', { name: 'Yes' }).click();
  await expect(rows).toHaveCount(0);
  await expect(list.getByText('No conversation matches')).toBeVisible();
  await chat.getByRole('button', { name: 'Conversations' }).click();

  // Escape stops an answer wherever the focus is.
  await input.fill('key levels for SPX, NDX, SPY and QQQ');
  await input.press('Enter');
  await expect(log.locator('[data-status="streaming"] .chat-markdown')).toHaveText(/\S{3}/, { timeout: 10_000 });
  await page.keyboard.press('Escape');
  await expect(answers.last()).toHaveAttribute('data-status', 'stopped');

  expect(consoleErrors).toEqual([]);
});

test("a scanner result's 'Ask the coach' is asked in the chat", async ({ page, rpc, consoleErrors }) => {
  // A scan reads a day of bars per symbol and its levels: slow on a shared machine.
  test.setTimeout(90_000);
  await rpc('settings:set', { key: 'ui.activeTab', value: 'scanner' });
  await openApp(page);
  const tab = page.getByRole('tabpanel', { name: 'Scanner' });
  const picker = tab.getByRole('form', { name: 'Scan' });
  const box = picker.getByLabel('Symbols', { exact: true });
  const chips = picker.getByTestId('symbol-chip');
  await expect(chips.first()).toBeVisible();
  for (let n = await chips.count(); n > 0; n--) await box.press('Backspace');
  // Every scan over three symbols: the session scans find nothing before the open, the options
  // scans read the nearest chain, so something is found at any hour the suite runs.
  await box.fill('spy qqq iwm');
  await box.press('Enter');
  await picker.getByRole('button', { name: 'Select all technical scans' }).click();
  await picker.getByRole('button', { name: 'Select all options scans' }).click();
  await picker.getByRole('button', { name: 'Run scan' }).click();
  const result = tab.getByTestId('scan-result').first();
  await expect(result).toBeVisible({ timeout: 30_000 });
  await result.getByRole('button', { name: /^Ask the coach about/ }).click();

  const log = page.getByRole('region', { name: 'AI Coach' }).getByRole('log', { name: 'Conversation' });
  await expect(log.locator('[data-role="user"]').last()).toHaveText(/^The scanner flagged (SPY|QQQ|IWM): /);
  await expect(log.locator('[data-role="assistant"]').last()).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });
  expect(consoleErrors).toEqual([]);
});

test('a failed answer shows its error inline; the question goes back to the composer and Retry asks again', async ({ page, consoleErrors }) => {
  // The first answer fails mid-stream the way a broken model does (error, then stream_end; the
  // server saves nothing, so the new session it announced does not exist); Retry reaches the real coach.
  let failures = 1;
  await page.route('**/api/stream/chat:send', async (route) => {
    if (failures-- <= 0) return route.continue();
    const events = [
      { type: 'stream_start', sessionId: 'never-saved', messageId: 'never-saved-answer', provider: 'offline' },
      { type: 'token', content: 'SPX is ' },
      { type: 'error', code: 'provider_error', message: 'The model broke off', requestId: 'req-e2e-chat-1' },
      { type: 'stream_end' },
    ];
    const body = events.map((e) => `event: ${e.type}\ndata: ${JSON.stringify(e)}\n\n`).join('');
    return route.fulfill({ status: 200, headers: { 'content-type': 'text/event-stream' }, body });
  });
  await openApp(page);
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const log = chat.getByRole('log', { name: 'Conversation' });
  const input = chat.getByRole('textbox', { name: 'Message the coach' });
  await input.fill('key levels for SPX');
  await input.press('Enter');

  const alert = log.getByRole('alert');
  await expect(alert).toContainText('The coach could not answer');
  await expect(alert).toContainText('The model broke off');
  await expect(alert).toContainText('req-e2e-chat-1');
  await expect(input).toHaveValue('key levels for SPX');
  await expect(log.locator('[data-testid="chat-message"]')).toHaveCount(0);

  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(alert).toHaveCount(0);
  await expect(input).toHaveValue('');
  await expect(log.locator('[data-role="user"]')).toHaveText(['key levels for SPX']);
  await expect(log.locator('[data-role="assistant"]').last()).toHaveAttribute('data-status', 'complete', { timeout: 15_000 });
  await expect(log.locator('[data-widget="key_levels"]')).toBeVisible();
  // The only console error: the browser's note on the 404 that told the page the session was never saved.
  expect(consoleErrors.filter((e) => !/status of 404/.test(e))).toEqual([]);
});
