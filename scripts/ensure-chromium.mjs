// Before the browser tests: make sure Debian's Chromium is there (Playwright cannot download its
// own browser on machines without internet). Installs it with apt-get when running as root on a
// Debian-like system; otherwise says what to do. CHROMIUM_PATH points the tests at another build.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';

const target = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
if (fs.existsSync(target)) process.exit(0);

const canApt = process.platform === 'linux' && process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
if (!canApt || process.env.CHROMIUM_PATH) {
  console.error(`Chromium not found at ${target}. Install Debian's "chromium" package (apt-get install chromium), or set CHROMIUM_PATH to a Chromium/Chrome binary.`);
  process.exit(1);
}
console.log('Installing Debian chromium for the browser tests...');
const apt = (...args) => execFileSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
apt('update');
apt('install', '-y', '--no-install-recommends', 'chromium');
