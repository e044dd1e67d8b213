// Where the renderer is served from in the Electron host. Nothing else may talk to the router.
// (The Chromium test host serves the same page from its own origin, defined in hosts/, and
// passes it to the router it builds; production code never trusts it.)

/** Electron host: the custom protocol that serves dist/renderer. */
export const APP_SCHEME = 'app';
export const APP_ORIGIN = 'app://briefing';

/** True when an IPC message comes from a page at one of `trustedOrigins` (not a navigated-away or injected frame). */
export function isTrustedSenderUrl(url: string | undefined | null, trustedOrigins: readonly string[] = [APP_ORIGIN]): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    // `new URL('app://briefing/x').origin` is "null" for non-special schemes, so compare the parts.
    return trustedOrigins.includes(`${parsed.protocol}//${parsed.host}`);
  } catch {
    return false;
  }
}
