import { CHROMIUM_LAUNCH } from '../electron/testing/chromium';
import type { ScreenshotQuota } from '../shared/schemas/screenshot';
import { expect, openApp, test } from './fixtures';

/**
 * Web mode's "Capture screen…": the browser's own screen share (getDisplayMedia). Chromium's fake
 * capture device stands in for the screen and its picker is accepted at once: a 1280×720 test
 * pattern (green, a clock, no table). One frame of it reaches the reading dialog and the local
 * reader, which finds no positions, so nothing is counted against the day's limit.
 */
test.use({
  launchOptions: {
    ...CHROMIUM_LAUNCH,
    args: [...CHROMIUM_LAUNCH.args, '--use-fake-ui-for-media-stream', '--use-fake-device-for-media-stream', '--auto-select-desktop-capture-source=Entire screen'],
  },
});

test('Capture screen… in web mode takes one frame of the shared screen, shows it and reads it; the sharing stops at once', async ({ page, rpc, consoleErrors }) => {
  test.setTimeout(90_000);
  const quotaBefore = (await rpc('screenshot:quota')) as ScreenshotQuota;
  await openApp(page);
  // Every track the page starts, to see that the capture is not left running.
  await page.evaluate(() => {
    const tracks: MediaStreamTrack[] = [];
    (window as unknown as { capturedTracks: MediaStreamTrack[] }).capturedTracks = tracks;
    const original = navigator.mediaDevices.getDisplayMedia.bind(navigator.mediaDevices);
    navigator.mediaDevices.getDisplayMedia = async (options) => {
      const stream = await original(options);
      tracks.push(...stream.getTracks());
      return stream;
    };
  });

  const chat = page.getByRole('region', { name: 'AI Coach' });
  await chat.getByRole('button', { name: 'Read positions from a screenshot' }).click();
  await chat.getByRole('menu', { name: 'Read positions from a screenshot' }).getByRole('menuitem', { name: 'Capture screen…' }).click();

  const dialog = page.getByRole('dialog', { name: 'Read positions from a screenshot' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('screen-capture.png');
  const shown = dialog.getByRole('img', { name: 'The screenshot being read' });
  await expect(shown).toBeVisible();
  expect(await shown.evaluate((img: HTMLImageElement) => `${img.naturalWidth}×${img.naturalHeight}`)).toBe('1280×720');
  const tracks = await page.evaluate(() => (window as unknown as { capturedTracks: MediaStreamTrack[] }).capturedTracks.map((t) => `${t.kind} ${t.readyState}`));
  expect(tracks).toEqual(['video ended']);

  await expect(dialog.getByRole('alert')).toContainText('No positions table found', { timeout: 60_000 });
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toHaveCount(0);
  expect(((await rpc('screenshot:quota')) as ScreenshotQuota).used).toBe(quotaBefore.used);
  expect(consoleErrors).toEqual([]);
});
