import { APP_ORIGIN } from './origins.ts';
import { isPrivateHost } from './private-hosts.ts';

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

/** What a mail link may fill in: the subject and the text. Anything else (attach=, cc, bcc, from, ...) is refused. */
const MAIL_FIELDS = new Set(['subject', 'body']);

/** One address: something@somewhere, with none of the characters that start a header or a parameter. */
const MAIL_ADDRESS = /^[^\s@?&=%<>",;:\\/]+@[^\s@?&=%<>",;:\\/]+$/;

/**
 * A mail link as the mail program gets it, rebuilt from its addresses, subject and body, so the
 * program reads exactly what the dialog showed. Some mail programs act on more than RFC 6068's
 * fields (Thunderbird's attach= attaches a local file to the draft), so every other field is a refusal.
 */
function mailTarget(url: URL): string | null {
  let addresses: string[];
  try {
    addresses = decodeURIComponent(url.pathname).split(',');
  } catch {
    return null;
  }
  if (!addresses.every((address) => MAIL_ADDRESS.test(address))) return null;
  const fields = [...url.searchParams];
  if (fields.some(([name]) => !MAIL_FIELDS.has(name.toLowerCase()))) return null;
  const query = fields.map(([name, value]) => `${name.toLowerCase()}=${encodeURIComponent(value)}`).join('&');
  return `mailto:${addresses.join(',')}${query ? `?${query}` : ''}`;
}

/**
 * A link the user may open outside the app, after being asked: https to a named public host with
 * no credentials in it, or mailto to addresses with at most a subject and a body. Returns the
 * normalised URL, or null for anything else (javascript:, file:, data:, http:, app:, custom
 * schemes, this machine or the local network, malformed input).
 */
export function externalLinkTarget(raw: string): string | null {
  if (typeof raw !== 'string' || raw.length > 2048 || raw !== raw.trim()) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol === 'mailto:') return mailTarget(url);
  if (url.protocol !== 'https:') return null;
  if (url.username || url.password || !url.hostname || url.hostname.includes('%')) return null;
  if (isPrivateHost(url.hostname)) return null;
  return url.href;
}
