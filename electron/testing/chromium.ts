/**
 * Debian's Chromium as every test launches it (Playwright's specs and the screenshot fixtures):
 * no sandbox (containers), no GPU, nothing fetched in the background. CHROMIUM_PATH points the
 * tests at another build. A test that needs more flags adds to `args`.
 */
export const CHROMIUM_LAUNCH = {
  executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
};
