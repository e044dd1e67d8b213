import { statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { StoreError } from '../../common/errors.ts';

/** The same file on disk: by device and inode where it exists (a link or another spelling of the path), else by resolved path. */
function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

/**
 * Refuses to write an export onto a file it reads (the brief being exported, the open document)
 * or onto a file another output of the same command also writes: either would silently replace
 * the user's work or one export with another.
 */
export function refuseClashingTargets(
  outputs: readonly { path: string; what: string }[],
  inputs: readonly { path: string; what: string }[],
): void {
  for (const [index, output] of outputs.entries()) {
    const input = inputs.find((candidate) => sameFile(candidate.path, output.path));
    if (input) {
      throw new StoreError('exists', `${basename(output.path)} is ${input.what}; write the ${output.what} to a file of its own.`);
    }
    const other = outputs.slice(0, index).find((earlier) => sameFile(earlier.path, output.path));
    if (other) {
      throw new StoreError(
        'exists',
        `The ${other.what} and the ${output.what} would both be written to ${basename(output.path)}; give each its own file.`,
      );
    }
  }
}
