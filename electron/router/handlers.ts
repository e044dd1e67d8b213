import type { Workspace } from '../../db/workspace.ts';
import { SCHEMA_VERSION } from '../../db/migrations/index.ts';
import type { AppInfo } from '../ipc/contract.ts';
import type { Handlers } from './router.ts';

export interface HandlerContext {
  workspace: Workspace;
  info: Omit<AppInfo, 'schemaVersion'>;
}

/** The router's handlers over the working store; identical in the Electron and Chromium hosts. */
export function createHandlers({ workspace, info }: HandlerContext): Handlers {
  return {
    'app:info': () => ({ ...info, schemaVersion: SCHEMA_VERSION }),
    'brief:get': () => workspace.briefs.getBrief(),
  };
}
