/**
 * The Chromium host serves the renderer from a hostname that never resolves; Playwright's router
 * answers it from dist/renderer. Only the hosts know it: they pass it to the router they build.
 */
export const CHROMIUM_HOST_ORIGIN = 'http://app.local';
