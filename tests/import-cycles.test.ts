import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { test } from 'node:test';

// No import cycles anywhere in the tree, type-only imports included: a cycle makes two modules one
// room in all but name, and type cycles are how value cycles start.
const root = join(import.meta.dirname, '..');
const sources = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => /\.(ts|js|svelte)$/.test(file) && !file.endsWith('.d.ts') && existsSync(join(root, file)));

const IMPORT =
  /(?:^|[\s;])(?:import|export)\s+(?:type\s+)?(?:[^'"`;]*?\s+from\s+)?['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

export function importGraph(files: readonly string[], read: (file: string) => string): Map<string, string[]> {
  const known = new Set(files);
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = new Set<string>();
    for (const match of read(file).matchAll(IMPORT)) {
      const target = normalize(join(dirname(file), match[1] ?? match[2]!));
      if (known.has(target)) targets.add(target);
    }
    graph.set(file, [...targets]);
  }
  return graph;
}

/** Strongly connected components of more than one module, or a module importing itself (Tarjan's algorithm). */
export function cycles(graph: Map<string, string[]>): string[][] {
  let counter = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (node: string) => {
    index.set(node, counter);
    low.set(node, counter++);
    stack.push(node);
    onStack.add(node);
    for (const next of graph.get(node) ?? []) {
      if (!index.has(next)) {
        visit(next);
        low.set(node, Math.min(low.get(node)!, low.get(next)!));
      } else if (onStack.has(next)) low.set(node, Math.min(low.get(node)!, index.get(next)!));
    }
    if (low.get(node) === index.get(node)) {
      const component: string[] = [];
      let member: string;
      do {
        member = stack.pop()!;
        onStack.delete(member);
        component.push(member);
      } while (member !== node);
      if (component.length > 1 || (graph.get(node) ?? []).includes(node)) found.push(component.sort());
    }
  };
  for (const node of graph.keys()) if (!index.has(node)) visit(node);
  return found;
}

test('the finder sees a cycle through a type-only import, and a re-export', () => {
  const files: Record<string, string> = {
    'a/model.ts': "import type { Edit } from './edits.ts';\nexport type M = Edit;\n",
    'a/edits.ts': "import type { M } from './model.ts';\nexport type Edit = M;\n",
    'b/index.ts': "export { x } from './x.ts';\n",
    'b/x.ts': "import { y } from './index.ts';\nexport const x = y;\n",
    'c/alone.ts': "import { z } from '../b/index.ts';\n",
  };
  const graph = importGraph(Object.keys(files), (file) => files[file]!);
  assert.deepEqual(
    cycles(graph),
    [
      ['a/edits.ts', 'a/model.ts'],
      ['b/index.ts', 'b/x.ts'],
    ]
      .reverse()
      .sort(),
  );
});

test('the whole tree has no import cycle, type-only imports included', () => {
  assert.ok(sources.length > 100, `only ${sources.length} sources found`);
  const graph = importGraph(sources, (file) => readFileSync(join(root, file), 'utf8'));
  const edges = [...graph.values()].reduce((sum, targets) => sum + targets.length, 0);
  assert.ok(edges > 200, `only ${edges} imports found: the scanner is broken`);
  assert.deepEqual(cycles(graph), []);
});
