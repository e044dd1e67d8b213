import type { AppInfo } from '../../../electron/ipc/contract.ts';
import type { Brief } from '../../../db/model.ts';
import { api } from './api.ts';

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

/** The workspace's shared state: the open brief and what is derived from it. */
export class WorkspaceState {
  status = $state<LoadStatus>('loading');
  error = $state<string | null>(null);
  brief = $state<Brief | null>(null);
  info = $state<AppInfo | null>(null);

  /** "2.1" for the first claim of the second theme: how analysts refer to claims. */
  claimNumbers: ReadonlyMap<string, string> = $derived(
    // Rebuilt whole whenever the brief changes and never mutated: a SvelteMap would add nothing.
    // eslint-disable-next-line svelte/prefer-svelte-reactivity
    new Map(this.brief?.themes.flatMap((theme, t) => theme.claims.map((claim, c) => [claim.id, `${t + 1}.${c + 1}`] as const))),
  );

  async load(): Promise<void> {
    this.status = 'loading';
    this.error = null;
    try {
      const [info, brief] = await Promise.all([api.appInfo(), api.getBrief()]);
      this.info = info;
      this.brief = brief;
      this.status = brief ? 'ready' : 'empty';
    } catch (error) {
      this.error = (error as Error).message;
      this.status = 'error';
    }
  }
}
