import type { z } from 'zod';
import { briefEditSchema, EDIT_KINDS, type BriefEdit } from '../common/edits.ts';
import { claimNumbers } from '../common/claim-numbers.ts';
import { StoreError } from '../common/errors.ts';
import type { Brief } from '../common/model.ts';

// `briefing edit FILE --jsonl EDITS.jsonl`: edits given one per line, each exactly what the app's
// `brief:edit` channel takes (common/edits.ts), checked by the same schema and applied by the same
// writer. Two additions, both taken off a line before it is checked:
//
//   "as": "kj1"        names the id the line's edit made or changed (a new key judgment, note,
//                      claim, highlight…), so later lines can refer to it;
//   "$kj1"             in any id field ("id", "targetId", "judgmentId"…, and the lists of ids of
//                      the export settings) stands for that id.
//
// Items the brief already holds are named the way the app shows them: "$source" (the brief's
// source), "$theme:2" (the second theme), "$claim:2.1" (claim 2.1), "$indicator:3" (the third
// indicator), "$judgment:1" (the first key judgment), each as the brief stands when the line runs.
// A refusal names its line and field: "line 3: text: A key judgment needs some words…".

/** A line's refusal: `line N: field: message`, one sentence. */
export class LineRefusal extends StoreError {
  constructor(line: number, field: string, message: string) {
    super('invalid-input', `line ${line}: ${field}: ${message}`, field);
  }
}

const LABEL = /^[A-Za-z_][A-Za-z0-9_-]{0,63}$/;
const BUILT_IN = /^(source|theme|claim|indicator|judgment)(?::(.*))?$/;
/** Words `$…` keeps for items of the brief; a line's "as" may not take them. */
const RESERVED = new Set(['source', 'theme', 'claim', 'indicator', 'judgment']);

/** Fields that hold the id of an item ("id", "targetId") or a list of ids ("themeIds"): where "$label" is read. */
const isIdField = (key: string) => key === 'id' || key.endsWith('Id');
const isIdListField = (key: string) => key.endsWith('Ids');

/** A line as read: its number, the edit (not yet checked) and the label its "as" gives. */
export interface EditLine {
  line: number;
  value: Record<string, unknown>;
  as: string | null;
}

/** The lines of a .jsonl text that hold an edit (blank lines are skipped), parsed as JSON objects. */
export function readEditLines(text: string): EditLine[] {
  const lines: EditLine[] = [];
  const labels = new Map<string, number>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = index + 1;
    if (raw.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      throw new LineRefusal(line, 'edit', 'This line is not JSON; write each edit as one JSON object on a line of its own.');
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new LineRefusal(
        line,
        'edit',
        'This line is not a JSON object; write each edit as one object, like {"kind": "judgment.add", …}.',
      );
    const { as, ...edit } = value as Record<string, unknown>;
    if (as !== undefined) {
      if (typeof as !== 'string' || !LABEL.test(as))
        throw new LineRefusal(line, 'as', 'A label is a word of letters, digits, "-" and "_", starting with a letter, like "kj1".');
      if (RESERVED.has(as)) throw new LineRefusal(line, 'as', `"${as}" names items of the brief ($${as}:…); choose another label.`);
      const earlier = labels.get(as);
      if (earlier !== undefined)
        throw new LineRefusal(line, 'as', `"${as}" already names the id of line ${earlier}; choose another label.`);
      labels.set(as, line);
    }
    lines.push({ line, value: edit, as: typeof as === 'string' ? as : null });
  });
  return lines;
}

/**
 * The line's edit with every "$…" in its id fields replaced by the id it names, checked by the
 * app's schema. `ids` holds the labels of earlier lines; `brief` reads the brief as it stands now
 * (only called when a line names an item of the brief).
 */
export function resolveEdit(line: EditLine, ids: ReadonlyMap<string, string>, brief: () => Brief | null): BriefEdit {
  const resolve = (field: string, text: unknown) =>
    typeof text === 'string' && text.startsWith('$') ? resolveReference(line.line, field, text.slice(1), ids, brief) : text;
  // In the edit's own fields, and one level down (the export settings' lists of themes and claims).
  const resolved = (object: Record<string, unknown>, path: string, depth: number): Record<string, unknown> =>
    Object.fromEntries(
      Object.entries(object).map(([key, field]) => {
        const at = path ? `${path}.${key}` : key;
        if (isIdField(key)) return [key, resolve(at, field)];
        if (isIdListField(key) && Array.isArray(field)) return [key, field.map((item: unknown) => resolve(at, item))];
        if (depth > 0 && typeof field === 'object' && field !== null && !Array.isArray(field))
          return [key, resolved(field as Record<string, unknown>, at, depth - 1)];
        return [key, field];
      }),
    );
  const value = resolved(line.value, '', 1);
  const parsed = briefEditSchema.safeParse(value);
  if (parsed.success) return parsed.data;
  const [field, message] = describeIssue(value, parsed.error.issues[0]!);
  throw new LineRefusal(line.line, field, message);
}

function resolveReference(line: number, field: string, name: string, ids: ReadonlyMap<string, string>, read: () => Brief | null): string {
  const labelled = ids.get(name);
  if (labelled) return labelled;
  const unknown = () =>
    new LineRefusal(
      line,
      field,
      `"$${name.slice(0, 64)}" names nothing: no earlier line has "as": "${name.slice(0, 64)}", and the brief has no such item ($source, $theme:N, $claim:N.M, $indicator:N, $judgment:N).`,
    );
  const builtIn = BUILT_IN.exec(name);
  const brief = builtIn ? read() : null;
  if (!builtIn || !brief) throw unknown();
  const [, what, which] = builtIn;
  const nth = <T extends { id: string }>(items: readonly T[]) => {
    const n = Number(which);
    const item = which !== undefined && /^[1-9]\d*$/.test(which) ? items[n - 1] : undefined;
    if (!item) throw unknown();
    return item.id;
  };
  if (what === 'source') {
    if (which !== undefined) return nth(brief.sources);
    if (!brief.sources[0]) throw unknown();
    return brief.sources[0].id;
  }
  if (what === 'theme') return nth(brief.themes);
  if (what === 'indicator') return nth(brief.indicators);
  if (what === 'judgment') return nth(brief.judgments);
  for (const [id, number] of claimNumbers(brief.themes)) if (number === which) return id;
  throw unknown();
}

/** The field a schema issue is about, and what is wrong with it, as one sentence. */
function describeIssue(value: Record<string, unknown>, issue: z.core.$ZodIssue): [string, string] {
  const field = issue.path.map(String).join('.') || 'edit';
  const sentence = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`.replace(/\.?$/, '.');
  if (field === 'kind') {
    return typeof value.kind === 'string'
      ? ['kind', `"${value.kind.slice(0, 40)}" is not a kind of edit; \`briefing schema\` lists them.`]
      : ['kind', 'Every line needs a "kind", like "judgment.add"; `briefing schema` lists them.'];
  }
  if (issue.code === 'unrecognized_keys') {
    const key = issue.keys[0] ?? '';
    const kind = String(value.kind);
    const fields = Object.keys(EDIT_KINDS[kind as keyof typeof EDIT_KINDS]?.schema.shape ?? {}).filter((name) => name !== 'kind');
    return [
      issue.path.length > 0 ? `${field}.${key}` : key,
      `"${key.slice(0, 40)}" is not a field of ${kind}${issue.path.length > 0 ? ` ${field}` : ''}${fields.length > 0 && issue.path.length === 0 ? ` (its fields: ${fields.join(', ')})` : ''}.`,
    ];
  }
  const given = issue.path.reduce<unknown>(
    (at, key) => (typeof at === 'object' && at !== null ? (at as Record<PropertyKey, unknown>)[key] : undefined),
    value,
  );
  if (issue.path.length > 0 && given === undefined)
    return [field, `${field} is missing; every field of the edit is given (null where it may be empty).`];
  if (issue.code === 'invalid_format' && issue.format === 'uuid')
    return [field, 'This is not an id: give the id of an item, or "$label" for the id an earlier line made ("as": "label").'];
  return [field, sentence(issue.message.replace(/^Invalid input: /, ''))];
}
