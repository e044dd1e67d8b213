// The reader's answer checked on its way in: it comes from a process that parsed a stranger's file,
// so its shape, sizes and text are held to what an honest reader could answer before anything uses it.
import { z } from 'zod';
import { isValidDate } from '../../common/claim-text.ts';
import { LIMITS } from '../../common/limits.ts';
import { SOURCE_FORMATS } from '../../common/parsed-source.ts';
import { CLAIM_COUNT_LIMIT } from './structure.ts';

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F\u202A-\u202E\u2066-\u2069]/;
const text = (max: number) =>
  z
    .string()
    .min(1)
    .max(max)
    .refine((value) => !CONTROL.test(value) && value.trim() === value, 'holds control characters or stray spaces');

const claim = z
  .strictObject({
    text: text(LIMITS.claimChars),
    citations: z.array(z.number().int().min(0).max(1_000_000)).max(1_000),
    citationOffsets: z.array(z.number().int().min(0)).max(1_000),
  })
  .refine(
    (c) => c.citations.length === c.citationOffsets.length && c.citationOffsets.every((offset) => offset <= c.text.length),
    'a citation stands outside its claim',
  );

export const parsedSourceSchema = z
  .strictObject({
    headline: text(LIMITS.shortText),
    headlineLanguage: z
      .string()
      .regex(/^[a-z]{2,3}$/)
      .nullable(),
    publisher: text(LIMITS.shortText).nullable(),
    publishedOn: z.string().refine(isValidDate, 'not a date').nullable(),
    themes: z
      .array(z.strictObject({ heading: text(LIMITS.shortText), claims: z.array(claim).min(1).max(CLAIM_COUNT_LIMIT) }))
      .min(1)
      .max(CLAIM_COUNT_LIMIT),
    warnings: z.array(text(600)).max(50),
  })
  .refine((source) => source.themes.reduce((sum, theme) => sum + theme.claims.length, 0) <= CLAIM_COUNT_LIMIT, 'too many claims');

/** The codes a reader's refusal may carry (common/errors.ts). */
const REFUSAL_CODES = ['bad-article', 'empty', 'not-found', 'damaged', 'too-slow'] as const;

export const workerAnswerSchema = z.discriminatedUnion('ok', [
  z.strictObject({
    ok: z.literal(true),
    value: z.strictObject({
      format: z.enum(SOURCE_FORMATS),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      size: z.number().int().min(0),
      source: parsedSourceSchema,
    }),
  }),
  z.strictObject({ ok: z.literal(false), code: z.enum(REFUSAL_CODES), message: text(600) }),
]);

export type WorkerAnswer = z.infer<typeof workerAnswerSchema>;
