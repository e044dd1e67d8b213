export declare const NO_CHROMIUM_MESSAGE = "No Chromium was found to drive: install Debian's \"chromium\" package (apt-get install chromium), or Playwright's own build (npx playwright install chromium), or set BRIEFING_CHROMIUM to a Chromium executable.";
/**
 * The Chromium the Chromium host drives: BRIEFING_CHROMIUM if set, Playwright's own build where it is
 * installed, else the system's. Throws with a sentence that says what to install when there is none.
 */
export declare function findChromium(env?: NodeJS.ProcessEnv): Promise<string>;
/**
 * The Electron executable when its binary is installed, else null. The `electron` package installs
 * without a binary and fetches it on first use, which cannot work offline; so we look, not fetch.
 */
export declare function findElectron(env?: NodeJS.ProcessEnv): string | null;
export declare const NO_ELECTRON_MESSAGE = "The Electron binary is not installed (it is downloaded on first install and this machine could not fetch it); run \"npm run preview\" to open the same workspace in Chromium.";
