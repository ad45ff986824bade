import fs from 'node:fs';
import { chromium, type Browser } from 'playwright-core';
import { CHROMIUM_LAUNCH } from '../../testing/chromium';
import { BROKERS, type Broker, type ConfirmedPosition } from '../../../shared/schemas/screenshot';
import { brokerHtml, type Theme } from './broker-layouts';
import { BROKER_TRUTH } from './broker-truth';

/**
 * Screenshot fixtures made by the tests themselves: each broker's positions table as HTML, in a
 * light and a dark theme, rendered in Chromium to PNG. `truth` is the hand-written reference.
 */
export interface BrokerFixture {
  id: string;
  broker: Broker;
  theme: Theme;
  truth: ConfirmedPosition[];
  html: string;
}

export { FIXTURE_AS_OF } from './broker-layouts';

const THEMES: Theme[] = ['light', 'dark'];

export function brokerFixtures(): BrokerFixture[] {
  return BROKERS.flatMap((broker) =>
    THEMES.map((theme) => ({ id: `${broker}-${theme}`, broker, theme, truth: BROKER_TRUTH[broker], html: brokerHtml(broker, theme, BROKER_TRUTH[broker]) })),
  );
}

/** Runs `fn` with a headless Chromium, closed afterwards whatever happens. */
export async function withChromium<T>(fn: (browser: Browser) => Promise<T>): Promise<T> {
  if (!fs.existsSync(CHROMIUM_LAUNCH.executablePath)) throw new Error(`Chromium not found at ${CHROMIUM_LAUNCH.executablePath}: run node scripts/ensure-chromium.mjs`);
  const browser = await chromium.launch({ ...CHROMIUM_LAUNCH, headless: true });
  try {
    return await fn(browser);
  } finally {
    await browser.close();
  }
}

/**
 * PNG of a page's `#shot` element (or the whole page when it has none), at device scale 1 like a
 * plain desktop screenshot.
 */
export async function renderHtmlToPng(html: string, browser?: Browser): Promise<Buffer> {
  if (!browser) return withChromium((b) => renderHtmlToPng(html, b));
  const page = await browser.newPage({ viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1 });
  try {
    // Offline: the fixtures load nothing, so the page is complete once its HTML is set.
    await page.setContent(html, { waitUntil: 'load' });
    const shot = page.locator('#shot');
    return (await shot.count()) > 0 ? await shot.screenshot({ type: 'png' }) : await page.screenshot({ type: 'png', fullPage: true });
  } finally {
    await page.close();
  }
}

export function renderFixture(fixture: BrokerFixture, browser?: Browser): Promise<Buffer> {
  return renderHtmlToPng(fixture.html, browser);
}
