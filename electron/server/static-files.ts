import fs from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { BASE_HEADERS } from './http';

/** The renderer's Content-Security-Policy; the same text is in renderer/index.html for file:// loads. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.map': 'application/json; charset=utf-8',
};

/**
 * Serves the built renderer from `root`. Unknown paths without an extension get index.html (the app
 * routes itself); paths escaping the root are refused. Returns false when nothing was found.
 */
export async function serveStatic(root: string, urlPath: string, res: ServerResponse, headOnly: boolean): Promise<boolean> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return false;
  }
  const relative = path.normalize(decoded).replace(/^([/\\])+/, '');
  const resolvedRoot = path.resolve(root);
  let file = path.resolve(resolvedRoot, relative || 'index.html');
  if (file !== resolvedRoot && !file.startsWith(resolvedRoot + path.sep)) return false;
  let stat = await fs.stat(file).catch(() => undefined);
  if (stat?.isDirectory()) {
    file = path.join(file, 'index.html');
    stat = await fs.stat(file).catch(() => undefined);
  }
  if (!stat && !path.extname(file)) {
    file = path.join(resolvedRoot, 'index.html');
    stat = await fs.stat(file).catch(() => undefined);
  }
  if (!stat?.isFile()) return false;
  const ext = path.extname(file);
  const body = headOnly ? undefined : await fs.readFile(file);
  res.writeHead(200, {
    ...BASE_HEADERS,
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    'content-length': stat.size,
    // Vite's hashed assets never change; everything else is revalidated to pick up a new build.
    'cache-control': relative.startsWith('assets') && ext !== '.html' ? 'public, max-age=31536000, immutable' : 'no-cache',
    'content-security-policy': CONTENT_SECURITY_POLICY,
  });
  res.end(body);
  return true;
}
