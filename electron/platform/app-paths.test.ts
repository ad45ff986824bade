import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { devServerUrlFrom, resolveAppPaths } from './app-paths';
import { isTrustedRendererUrl } from './navigation';

describe('resolveAppPaths', () => {
  const out = path.resolve('/opt/TITM AI Coach/resources/app.asar/out');
  const paths = resolveAppPaths(pathToFileURL(path.join(out, 'main', 'main.mjs')).href);

  it('finds the preload, the renderer and the icon beside the main bundle', () => {
    expect(paths).toEqual({
      preload: path.join(out, 'preload', 'preload.cjs'),
      rendererDir: path.join(out, 'renderer'),
      rendererIndex: path.join(out, 'renderer', 'index.html'),
      rendererIndexUrl: pathToFileURL(path.join(out, 'renderer', 'index.html')).href,
      icon: path.resolve(out, '..', 'resources', 'icon.png'),
    });
  });

  it('points at the icon the repository ships, from where the build puts the main bundle', () => {
    const repo = path.resolve(import.meta.dirname, '..', '..');
    const built = resolveAppPaths(pathToFileURL(path.join(repo, 'out', 'main', 'main.mjs')).href);
    expect(fs.existsSync(built.icon)).toBe(true);
  });

  it('gives an index URL that the IPC sender check accepts', () => {
    expect(isTrustedRendererUrl(`${paths.rendererIndexUrl}#/`, paths.rendererIndexUrl)).toBe(true);
  });
});

describe('devServerUrlFrom', () => {
  it('uses the dev server electron-vite announces, in an unpackaged app', () => {
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, false)).toBe('http://localhost:5173/');
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'http://127.0.0.1:5173/' }, false)).toBe('http://127.0.0.1:5173/');
  });

  it('ignores it in an installed app, off this machine, or when malformed', () => {
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, true)).toBeUndefined();
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'http://192.168.1.20:5173' }, false)).toBeUndefined();
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: 'file:///tmp/index.html' }, false)).toBeUndefined();
    expect(devServerUrlFrom({ ELECTRON_RENDERER_URL: '::nope' }, false)).toBeUndefined();
    expect(devServerUrlFrom({}, false)).toBeUndefined();
  });
});
