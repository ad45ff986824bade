// Writes build/icon.png, the installer icon electron-builder turns into .icns/.ico/Linux icons,
// from the same drawing as the tray icon. Run: `npx tsx build/make-icon.ts` (a test checks it is current).
import fs from 'node:fs';
import { renderIconPng } from '../electron/platform/app-icon';

const target = new URL('./icon.png', import.meta.url);
fs.writeFileSync(target, renderIconPng(512));
console.log(`wrote ${target.pathname}`);
