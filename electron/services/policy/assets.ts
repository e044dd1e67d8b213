import { extname, resolve, sep } from 'node:path';

// Maps a request path to a file under the renderer's build folder, for the app:// protocol
// and for the Chromium host alike. Anything that escapes the folder is refused.

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
};

export interface Asset {
  path: string;
  contentType: string;
}

export function resolveAsset(root: string, urlPath: string): Asset | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const relative = decoded === '/' || decoded === '' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = resolve(root);
  const path = resolve(base, relative);
  if (!path.startsWith(base + sep)) return null;
  const contentType = MIME_TYPES[extname(path).toLowerCase()];
  return contentType ? { path, contentType } : null;
}
