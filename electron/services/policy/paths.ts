import { homedir } from 'node:os';
import { join } from 'node:path';

export const APP_NAME = 'Briefing Desk';
export const STORE_FILE = 'briefing.sqlite';

/**
 * The per-user data folder, the same one Electron's app.getPath('userData') gives for our
 * productName, so the Chromium preview and the Electron app share one store.
 * BRIEFING_USER_DATA overrides it (tests give each run its own profile).
 */
export function userDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  if (env.BRIEFING_USER_DATA) return env.BRIEFING_USER_DATA;
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', APP_NAME);
  if (platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), APP_NAME);
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), APP_NAME);
}
