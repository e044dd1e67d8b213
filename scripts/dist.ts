// `npm run dist [-- --dir]`: packages the app with electron-builder for this platform.
// Needs an Electron binary: the one npm installed, or ELECTRON_DIST (an unpacked Electron folder).
import { spawnSync } from 'node:child_process';
import { findElectron } from '../hosts/browser-binaries.ts';

const electronDist = process.env.ELECTRON_DIST;
if (!electronDist && !findElectron()) {
  console.error(
    'Packaging needs the Electron binary, which is not installed here (no network to fetch it); set ELECTRON_DIST to an unpacked Electron folder and run "npm run dist -- --dir".',
  );
  process.exit(1);
}
const args = ['electron-builder', '--config', 'build/electron-builder.yml', ...process.argv.slice(2)];
if (electronDist) args.push(`-c.electronDist=${electronDist}`);
const result = spawnSync('npx', args, { stdio: 'inherit' });
process.exit(result.status ?? 1);
