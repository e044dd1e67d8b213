import { APP_ORIGIN } from './origins.ts';

// What the shell lets pages do. Each is a pure function so unit tests pin it down; electron/main
// only hands Electron's events to them.

/** Requests the session lets through: our own files and in-memory data. Everything else is cancelled. */
export function isAllowedRequest(url: string): boolean {
  return /^(app:\/\/briefing\/|data:|blob:|devtools:)/.test(url);
}

/** Navigation stays inside the app; anything else is refused (and, if it is a web or mail link, offered to the browser). */
export function isAllowedNavigation(url: string): boolean {
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** No permission (camera, notifications, geolocation, clipboard-read, ...) is ever granted. */
export function isPermissionGranted(_permission: string): boolean {
  return false;
}

/**
 * A link the user may open outside the app, after being asked: https to a named host with no
 * credentials in it, or mailto. Returns the normalised URL, or null for anything else
 * (javascript:, file:, data:, http:, app:, custom schemes, malformed input).
 */
export function externalLinkTarget(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 2048 || raw !== raw.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return url.pathname.includes('@') ? url.href : null;
  if (url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname || url.hostname.includes('%')) return null;
  return url.href;
}
