#!/usr/bin/env node
// Entry of the `briefing` command (package.json "bin"). Needs Node 22.18+ or 24, which run TypeScript directly.
import { runCli } from './commands.ts';

// Output piped into a reader that stops early (`briefing info FILE | head -1`) is the reader's
// choice, not an error: stop quietly, as Unix tools do, instead of printing a stack.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
