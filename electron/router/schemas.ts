import { isAbsolute } from 'node:path';
import { z } from 'zod';
import { isBriefPath } from '../policy/argv.ts';
import type { Api, Channel } from '../ipc/contract.ts';
import { COLOURS, LIMITS } from '../../db/edits.ts';

// Argument schemas, one per channel. The `satisfies` clause ties each schema to the contract:
// a schema that accepts something other than the channel's parameters fails to compile.
const dateSchema = z.iso.date();

const exportOptions = z.strictObject({
  title: z.string().max(300),
  author: z.string().max(200),
  date: dateSchema,
  marking: z.string().max(80),
  paper: z.enum(['a4', 'letter']),
  themeIds: z.array(z.uuid()).max(10_000).nullable(),
  excludedClaimIds: z.array(z.uuid()).max(100_000),
  includeIndicators: z.boolean(),
  includeCharts: z.boolean(),
  includeReferences: z.boolean(),
  includeAnnotations: z.boolean(),
});

// The shape of each edit; what the values mean (a real date, a number, a claim that exists) is
// checked by the store's writer, which can name the field at fault. Lengths here are generous
// ceilings that stop absurd payloads; the writer's own limits are lower and come with a message.
const id = z.uuid();
const colour = z.enum(COLOURS as [string, ...string[]]) as z.ZodType<(typeof COLOURS)[number]>;
const short = z.string().max(1_000);
const longText = (max: number) => z.string().max(max * 2);
const direction = z.enum(['up', 'down']);
const briefEdit = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('highlight.add'), targetKind: z.enum(['claim', 'source']), targetId: id, start: z.int().min(0), end: z.int().min(0), colour, comment: longText(LIMITS.commentChars).nullable() }),
  z.strictObject({ kind: z.literal('highlight.update'), id, colour, comment: longText(LIMITS.commentChars).nullable() }),
  z.strictObject({ kind: z.literal('highlight.delete'), id }),
  z.strictObject({ kind: z.literal('note.add'), targetKind: z.enum(['brief', 'theme', 'claim', 'indicator', 'source']), targetId: id.nullable(), body: longText(LIMITS.noteChars), tags: z.array(short).max(100) }),
  z.strictObject({ kind: z.literal('note.update'), id, body: longText(LIMITS.noteChars), tags: z.array(short).max(100) }),
  z.strictObject({ kind: z.literal('note.delete'), id }),
  z.strictObject({ kind: z.literal('claim.update'), id, text: longText(LIMITS.claimChars) }),
  z.strictObject({ kind: z.literal('claim.assess'), id, confidence: z.enum(['low', 'moderate', 'high']).nullable(), judgement: short.nullable() }),
  z.strictObject({ kind: z.literal('claim.add'), themeId: id, text: longText(LIMITS.claimChars) }),
  z.strictObject({ kind: z.literal('claim.move'), id, direction }),
  z.strictObject({ kind: z.literal('claim.delete'), id }),
  z.strictObject({ kind: z.literal('theme.add'), title: short }),
  z.strictObject({ kind: z.literal('theme.update'), id, title: short }),
  z.strictObject({ kind: z.literal('theme.move'), id, direction }),
  z.strictObject({ kind: z.literal('indicator.add'), name: short, unit: short, claimId: id.nullable() }),
  z.strictObject({ kind: z.literal('indicator.update'), id, name: short, unit: short, claimId: id.nullable() }),
  z.strictObject({
    kind: z.literal('observation.add'), indicatorId: id, value: short, unit: short,
    comparator: z.enum(['equal', 'about', 'less-than', 'more-than', 'rank']), asOf: short, claimId: id.nullable(),
  }),
  z.strictObject({ kind: z.literal('observation.delete'), id }),
  z.strictObject({ kind: z.literal('palette.rename'), colour, meaning: short }),
]);

export const ARGUMENT_SCHEMAS = {
  'app:info': z.tuple([]),
  'brief:get': z.tuple([]),
  'document:state': z.tuple([]),
  'document:new': z.tuple([z.enum(['blank', 'article'])]),
  'document:open': z.tuple([]),
  // A path from the renderer is only ever one the main process listed as recent; checked again there.
  'document:open-recent': z.tuple([z.string().min(1).max(4096)]),
  'document:open-path': z.tuple([
    z.string().max(4096).refine((path) => isAbsolute(path) && isBriefPath(path), { message: 'expected the absolute path of a .sqlite file' }),
  ]),
  'document:save': z.tuple([]),
  'document:save-as': z.tuple([]),
  'document:revert': z.tuple([]),
  'document:merge': z.tuple([]),
  'merge:conflicts': z.tuple([]),
  'merge:resolve': z.tuple([z.uuid(), z.enum(['ours', 'theirs'])]),
  'brief:edit': z.tuple([briefEdit]),
  'history:undo': z.tuple([]),
  'history:redo': z.tuple([]),
  'search:query': z.tuple([z.string().max(500)]),
  'export:defaults': z.tuple([]),
  'export:preview': z.tuple([exportOptions]),
  'export:run': z.tuple([z.enum(['pdf', 'md', 'html']), exportOptions]),
  'print:document': z.tuple([]),
  'print:ready': z.tuple([z.string().max(64 * 1024 * 1024).nullable()]),
} satisfies { [C in Channel]: z.ZodType<Parameters<Api[C]>> };
