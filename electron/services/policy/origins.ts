// Where the renderer is served from in each host. Nothing else may talk to the router.

/** Electron host: the custom protocol that serves dist/renderer. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://briefing';
/** Chromium host: a hostname that never resolves; Playwright's router answers it from dist/renderer. */
export const CHROMIUM_HOST_ORIGIN = 'http://app.local';

const TRUSTED_ORIGINS = new Set([APP_ORIGIN, CHROMIUM_HOST_ORIGIN]);

/** True when an IPC message comes from a page of ours (not a navigated-away or injected frame). */
export function isTrustedSenderUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    // `new URL('app://briefing/x').origin` is "null" for non-special schemes, so compare the parts.
    return TRUSTED_ORIGINS.has(`${parsed.protocol}//${parsed.host}`);
  } catch {
    return false;
  }
}
