import { StoreError } from '../../../common/errors.ts';
import type { Api, Channel, Result } from '../../../common/ipc/contract.ts';
import { isChannel } from '../../../common/ipc/channels.ts';
import { APP_ORIGIN, mayInvoke, type Sender } from '../policy/index.ts';
import { ARGUMENT_SCHEMAS } from './schemas.ts';

export type Handlers = { [C in Channel]: (...args: Parameters<Api[C]>) => ReturnType<Api[C]> | Promise<ReturnType<Api[C]>> };

export type { Sender } from '../policy/index.ts';

export interface Router {
  invoke(channel: unknown, args: unknown, sender: Sender): Promise<Result<unknown>>;
}

/**
 * The one place a request from the renderer is let in: the channel must exist, the sender must
 * be the page of ours that uses it (policy/senders.ts), the arguments must match the channel's
 * schema. Whatever happens, the answer is a Result; exceptions never cross the bridge (their
 * messages could leak paths and internals).
 */
export interface RouterOptions {
  /** Origins whose pages may send requests; the Electron app's own by default. */
  trustedOrigins?: readonly string[];
  log?: (message: string, error: unknown) => void;
}

export function createRouter(handlers: Handlers, { trustedOrigins = [APP_ORIGIN], log = console.error }: RouterOptions = {}): Router {
  return {
    async invoke(channel, args, sender) {
      if (!isChannel(channel)) return { ok: false, code: 'bad-request', message: `Unknown request "${String(channel).slice(0, 40)}".` };
      if (!mayInvoke(channel, sender, trustedOrigins))
        return { ok: false, code: 'forbidden', message: 'This page may not use Briefing Desk.' };
      const parsed = ARGUMENT_SCHEMAS[channel].safeParse(args);
      if (!parsed.success) {
        return {
          ok: false,
          code: 'bad-request',
          message: `Invalid arguments for ${channel}: ${parsed.error.issues[0]?.message ?? 'unknown problem'}.`,
        };
      }
      try {
        const handler = handlers[channel] as (...a: unknown[]) => unknown;
        return { ok: true, value: await handler(...(parsed.data as unknown[])) };
      } catch (error) {
        if (error instanceof StoreError)
          return { ok: false, code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) };
        log(`IPC ${channel} failed`, error);
        return {
          ok: false,
          code: 'internal',
          message: 'Briefing Desk hit an internal error; your saved work is unchanged. Please try again.',
        };
      }
    },
  };
}
