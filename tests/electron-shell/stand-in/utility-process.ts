import { fork, type ChildProcess, type StdioOptions } from 'node:child_process';
import { EventEmitter } from 'node:events';
import type { ForkOptions, UtilityProcess, utilityProcess } from 'electron';
import type { UtilityProcessEvents } from './fired-events.ts';

// utilityProcess.fork, run as a Node child process: the real module (for the shell, the bundled
// receive worker) with its arguments and V8 flags, stdout exposed, and 'exit' reported when the
// process ends, which, as in Electron, can be before what it wrote has been read.

export class StandInUtilityProcess extends EventEmitter<UtilityProcessEvents> implements Pick<UtilityProcess, 'pid' | 'stdout' | 'kill'> {
  readonly modulePath: string;
  readonly args: string[];
  readonly options: ForkOptions;
  readonly stdout: NodeJS.ReadableStream | null;
  readonly #child: ChildProcess;

  constructor(modulePath: string, args: string[], options: ForkOptions) {
    super();
    this.modulePath = modulePath;
    this.args = args;
    this.options = options;
    // Electron's stdio names stdin, stdout and stderr, or one mode for all three; it defaults to inherit.
    const stdio = options.stdio ?? 'inherit';
    const modes = typeof stdio === 'string' ? [stdio, stdio, stdio] : stdio;
    this.#child = fork(modulePath, args, {
      execArgv: options.execArgv ?? [],
      cwd: options.cwd,
      env: (options.env as NodeJS.ProcessEnv | undefined) ?? process.env,
      stdio: [...modes, 'ipc'] as StdioOptions,
    });
    this.stdout = this.#child.stdout;
    this.#child.on('spawn', () => this.emit('spawn'));
    this.#child.on('exit', (code) => this.emit('exit', code ?? 1));
  }

  get pid(): number | undefined {
    return this.#child.pid;
  }

  kill(): boolean {
    return this.#child.kill();
  }
}

/** The module's `utilityProcess`: forks, recorded for the test. */
export class StandInUtilityProcessModule implements Pick<typeof utilityProcess, 'fork'> {
  readonly forks: StandInUtilityProcess[] = [];
  readonly #mayFork: () => void;

  /** `mayFork` throws while forking is not allowed (before the app is ready). */
  constructor(mayFork: () => void) {
    this.#mayFork = mayFork;
  }

  fork(modulePath: string, args: string[] = [], options: ForkOptions = {}): UtilityProcess {
    this.#mayFork();
    const child = new StandInUtilityProcess(modulePath, args, options);
    this.forks.push(child);
    return child as unknown as UtilityProcess;
  }
}
