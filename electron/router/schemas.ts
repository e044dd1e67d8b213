import { z } from 'zod';
import type { Api, Channel } from '../ipc/contract.ts';

// Argument schemas, one per channel. The `satisfies` clause ties each schema to the contract:
// a schema that accepts something other than the channel's parameters fails to compile.
export const ARGUMENT_SCHEMAS = {
  'app:info': z.tuple([]),
  'brief:get': z.tuple([]),
} satisfies { [C in Channel]: z.ZodType<Parameters<Api[C]>> };
