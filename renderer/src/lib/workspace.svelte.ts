import type { AppInfo } from '../../../electron/ipc/contract.ts';
import type { Brief, Claim } from '../../../db/model.ts';
import { api } from './api.ts';

export type LoadStatus = 'loading' | 'ready' | 'empty' | 'error';

/** The workspace's shared state: the open brief and what is derived from it. */
export class WorkspaceState {
  status = $state<LoadStatus>('loading');
  error = $state<string | null>(null);
  brief = $state<Brief | null>(null);
  info = $state<AppInfo | null>(null);

  /** "2.1" for the first claim of the second theme: how analysts refer to claims. */
  claimNumbers = $derived.by(() => {
    const numbers = new Map<string, string>();
    this.brief?.themes.forEach((theme, t) => theme.claims.forEach((claim, c) => numbers.set(claim.id, `${t + 1}.${c + 1}`)));
    return numbers;
  });

  claimsById = $derived.by(() => {
    const claims = new Map<string, Claim>();
    for (const theme of this.brief?.themes ?? []) for (const claim of theme.claims) claims.set(claim.id, claim);
    return claims;
  });

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
