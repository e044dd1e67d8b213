import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { isBriefPath } from '../policy/index.ts';
import type { Api, Channel } from '../../../common/ipc/contract.ts';
import { briefEditSchema } from '../../../common/edits.ts';
import { exportOptionsSchema as exportOptions } from '../../../common/export-options.ts';
import { INGEST_SIZE_LIMIT_BYTES, PASTE_LIMIT_CHARS } from '../../../db/ingest/index.ts';

/** More headings than any brief's contents lists (one a theme plus the parts): a bound on what a print view can send back. */
const MAX_PREDICTED_HEADINGS = 100_000;
/** A brief of 100,000 claims prints in a few hundred sections at most. */
const MAX_PRINT_SECTIONS = 10_000;

// Argument schemas, one per channel. The `satisfies` clause ties each schema to the contract:
// a schema that accepts something other than the channel's parameters fails to compile.

export const ARGUMENT_SCHEMAS = {
  'app:info': z.tuple([]),
  'preferences:get': z.tuple([]),
  // The fields' own rules (blank, control characters) are the preferences' to state in a sentence.
  'preferences:set': z.tuple([z.strictObject({ name: z.string().max(1_000), unit: z.string().max(1_000) })]),
  'brief:get': z.tuple([]),
  'brief:part': z.tuple([z.enum(['claims', 'highlights', 'notes']), z.int().min(0).max(100_000_000)]),
  'document:state': z.tuple([]),
  'document:new': z.tuple([z.enum(['blank', 'article'])]),
  'document:open': z.tuple([]),
  // A path from the renderer is only ever one the main process listed as recent; checked again there.
  'document:open-recent': z.tuple([z.string().min(1).max(4096)]),
  'document:open-path': z.tuple([
    z
      .string()
      .max(4096)
      .refine((path) => isAbsolute(path) && isBriefPath(path), { message: 'expected the absolute path of a .sqlite file' }),
  ]),
  'document:save': z.tuple([]),
  'document:save-as': z.tuple([]),
  'document:revert': z.tuple([]),
  'document:merge': z.tuple([]),
  'merge:conflicts': z.tuple([]),
  'merge:resolve': z.tuple([z.uuid(), z.enum(['ours', 'theirs'])]),
  // One schema per edit kind, defined with the kind in common/edits.ts.
  'brief:edit': z.tuple([briefEditSchema]),
  'history:undo': z.tuple([]),
  'history:redo': z.tuple([]),
  'search:query': z.tuple([z.string().max(500)]),
  'source:import': z.tuple([]),
  // The size and text limits are the reader's to state in a sentence; these stop absurd payloads.
  'source:import-file': z.tuple([
    z.string().min(1).max(1_000),
    z
      .string()
      .max(Math.ceil((INGEST_SIZE_LIMIT_BYTES * 4) / 3) + 1_024)
      .regex(/^[A-Za-z0-9+/]*={0,2}$/),
  ]),
  'source:import-text': z.tuple([z.string().max(PASTE_LIMIT_CHARS * 2)]),
  'export:defaults': z.tuple([]),
  'export:preview': z.tuple([exportOptions]),
  'export:run': z.tuple([z.enum(['pdf', 'md', 'html']), exportOptions]),
  'export:warm': z.tuple([z.boolean()]),
  'print:document': z.tuple([]),
  'print:ready': z.tuple([
    z
      .string()
      .max(64 * 1024 * 1024)
      .nullable(),
    // Predicted pages of the contents' headings: one per heading of a brief, never more.
    z
      .record(z.string().max(200), z.number().int().min(1).max(1_000_000))
      .refine((pages) => Object.keys(pages).length <= MAX_PREDICTED_HEADINGS, 'too many headings')
      .nullable(),
    // Print sections: a 2,000-page brief has a few dozen; the contents are in some of them.
    z
      .object({
        count: z.number().int().min(2).max(MAX_PRINT_SECTIONS),
        contents: z.array(z.number().int().min(0).max(MAX_PRINT_SECTIONS)).max(MAX_PRINT_SECTIONS),
      })
      .strict()
      .refine((sections) => sections.contents.every((index) => index < sections.count), 'a section past the last')
      .nullable(),
  ]),
  'print:failed': z.tuple([z.string().max(2_000)]),
} satisfies { [C in Channel]: z.ZodType<Parameters<Api[C]>> };
