import Module, { createRequire } from 'node:module';

// Loads a CommonJS bundle (dist/electron/main.cjs) with require('electron') answered by the
// stand-in. The bundle requires Electron once, at its top, so the hook is removed again as soon
// as the bundle has loaded; every other require resolves as usual (node:*, better-sqlite3).

type Load = (request: string, parent: unknown, isMain: boolean) => unknown;
const loader = Module as unknown as { _load: Load };

export function requireWithElectron(bundlePath: string, electron: object): void {
  const require = createRequire(bundlePath);
  const original = loader._load;
  loader._load = function (request, parent, isMain) {
    return request === 'electron' ? electron : original.call(this, request, parent, isMain);
  };
  try {
    delete require.cache[bundlePath];
    require(bundlePath);
  } finally {
    loader._load = original;
  }
}
