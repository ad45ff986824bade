import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export interface AppPaths {
  /** out/preload/preload.cjs: CommonJS, because a sandboxed preload cannot be an ES module. */
  preload: string;
  /** out/renderer: the built renderer, also what the optional local API serves. */
  rendererDir: string;
  rendererIndex: string;
  /** file:// URL of index.html, the one page allowed to call the main process. */
  rendererIndexUrl: string;
  /** resources/icon.png: the window and tray icon (electron-builder makes the installer icons from it too). */
  icon: string;
}

/**
 * The files the main process loads, found next to its own bundle (out/main/main.mjs), so the
 * same code works from the repo, from electron-vite's output and from inside app.asar.
 */
export function resolveAppPaths(mainModuleUrl: string): AppPaths {
  const outDir = path.resolve(path.dirname(fileURLToPath(mainModuleUrl)), '..');
  const rendererDir = path.join(outDir, 'renderer');
  const rendererIndex = path.join(rendererDir, 'index.html');
  return {
    preload: path.join(outDir, 'preload', 'preload.cjs'),
    rendererDir,
    rendererIndex,
    rendererIndexUrl: pathToFileURL(rendererIndex).href,
    icon: path.join(outDir, '..', 'resources', 'icon.png'),
  };
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/**
 * The Vite dev server `electron-vite dev` announces in ELECTRON_RENDERER_URL, honoured only in an
 * unpackaged app and only on this machine: an installed app never loads its UI from the network.
 */
export function devServerUrlFrom(env: NodeJS.ProcessEnv, isPackaged: boolean): string | undefined {
  const raw = env.ELECTRON_RENDERER_URL;
  if (isPackaged || !raw) return undefined;
  try {
    const url = new URL(raw);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname) ? url.href : undefined;
  } catch {
    return undefined;
  }
}
