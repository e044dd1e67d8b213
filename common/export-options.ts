import { z } from 'zod';
import type { ExportOptions } from './export-document.ts';

// What the composer sends to preview or export a brief, and what the brief stores as its export
// settings: one schema, so a stored setting is exactly what an export accepts. The parts added
// after the first settings were stored (bottom line, judgments, assessments, notes, grades) default
// to included, so settings stored before they existed still open.
const included = z.boolean().default(true);

export const exportOptionsSchema = z.strictObject({
  title: z.string().max(300),
  author: z.string().max(200),
  date: z.iso.date(),
  marking: z.string().max(80),
  paper: z.enum(['a4', 'letter']),
  themeIds: z.array(z.uuid()).max(10_000).nullable(),
  excludedClaimIds: z.array(z.uuid()).max(100_000),
  includeBottomLine: included,
  includeJudgments: included,
  includeAssessments: included,
  includeNotes: included,
  includeAnnotations: z.boolean(),
  includeIndicators: z.boolean(),
  includeCharts: z.boolean(),
  includeReferences: z.boolean(),
  includeGrades: included,
}) satisfies z.ZodType<ExportOptions>;
