// `npm start`: launches the Electron app on the built renderer, where Electron's binary exists.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { findElectron, NO_ELECTRON_MESSAGE } from '../hosts/browser-binaries.ts';

const electron = findElectron();
if (!electron) {
  console.error(NO_ELECTRON_MESSAGE);
  process.exit(1);
}
const child = spawn(electron, [fileURLToPath(new URL('..', import.meta.url)), ...process.argv.slice(2)], { stdio: 'inherit' });
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
