#!/usr/bin/env node
// Entry of the `briefing` command (package.json "bin"). Needs Node 22.18+ or 24, which run TypeScript directly.
import { runCli } from './commands.ts';

process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${text}\n`),
  err: (text) => process.stderr.write(`${text}\n`),
});
