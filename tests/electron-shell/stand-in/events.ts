import type { Event as ElectronEvent } from 'electron';

/** An `Electron.Event` carrying `params`, as the stand-in hands it to the shell's listeners; the test reads `defaultPrevented` back. */
export function electronEvent<Params extends object = object>(params: Params = {} as Params): ElectronEvent<Params> {
  let prevented = false;
  const base = {
    preventDefault: () => {
      prevented = true;
    },
    get defaultPrevented() {
      return prevented;
    },
  };
  return Object.assign(base, params);
}
