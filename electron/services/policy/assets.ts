import { realpathSync } from 'node:fs';
import { extname, resolve, sep } from 'node:path';
import { APP_ORIGIN } from './origins.ts';

// Maps a request path to a file under the renderer's build folder, for the app:// protocol
// and for the Chromium host alike. Anything that escapes the folder is refused, by its name
// (.., encoded or not) or by a link inside the folder that leads out of it.

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

/** The file under `root` that a request path names, or null when there is none or it lies outside `root`. */
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
  if (!contentType) return null;
  // The file as the OS will open it: a link is followed to where it really leads, which must
  // still be inside the (equally real) folder. A missing file is simply not found.
  let real: string;
  try {
    real = realpathSync(path);
    if (!real.startsWith(realpathSync(base) + sep)) return null;
  } catch {
    return null;
  }
  return { path: real, contentType };
}

/** The asset an app:// request asks for; a request for another app:// host is refused like a missing file. */
export function resolveAppRequest(root: string, requestUrl: string): Asset | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  // `new URL('app://briefing/x').origin` is "null" for non-special schemes, so compare the parts.
  if (`${url.protocol}//${url.host}` !== APP_ORIGIN) return null;
  return resolveAsset(root, url.pathname);
}
