// Types of the lint rule's table, for the test that proves the rule bites (tests/layering.test.ts).
export interface Layer {
  name: string;
  folders: string[];
  may: string[];
  runs: string;
}
export const LAYERS: Layer[];
export const ROOM_PARENTS: string[];
export function layerOf(repoPath: string): Layer | undefined;
export function roomOf(repoPath: string): string | null;
declare const plugin: { rules: Record<string, unknown> };
export default plugin;
