import { z } from 'zod';
import type { Api, Channel } from '../ipc/contract.ts';

// Argument schemas, one per channel. The `satisfies` clause ties each schema to the contract:
// a schema that accepts something other than the channel's parameters fails to compile.
export const ARGUMENT_SCHEMAS = {
  'app:info': z.tuple([]),
  'brief:get': z.tuple([]),
  'document:state': z.tuple([]),
  'document:new': z.tuple([z.enum(['blank', 'article'])]),
  'document:open': z.tuple([]),
  // A path from the renderer is only ever one the main process listed as recent; checked again there.
  'document:open-recent': z.tuple([z.string().min(1).max(4096)]),
  'document:save': z.tuple([]),
  'document:save-as': z.tuple([]),
  'document:revert': z.tuple([]),
  'document:merge': z.tuple([]),
  'merge:conflicts': z.tuple([]),
  'merge:resolve': z.tuple([z.uuid(), z.enum(['ours', 'theirs'])]),
} satisfies { [C in Channel]: z.ZodType<Parameters<Api[C]>> };
