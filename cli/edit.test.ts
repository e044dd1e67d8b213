import assert from 'node:assert/strict';
import { copyFileSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { BriefStore } from '../db/read/index.ts';
import { openStore, readSchemaState, SCHEMA_VERSION } from '../db/store/index.ts';
import { fingerprintFolder, sha256, tempDir } from '../db/test-support/index.ts';
import { briefEditSchema, EDIT_KINDS } from '../common/edits.ts';
import type { Brief } from '../common/model.ts';
import { runCli } from './commands.ts';

// `briefing edit FILE --jsonl EDITS.jsonl` and `briefing schema`: a brief built from a script,
// all or nothing, with the same checks as the app; and the JSON Schema a script writer reads.

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

/** A new brief file (the embedded brief) and a .jsonl of `edits` beside it. */
async function briefAndEdits(t: Parameters<typeof tempDir>[0], edits: readonly object[] | string) {
  const dir = tempDir(t);
  const file = join(dir, 'brief.sqlite');
  assert.equal((await run('new', file)).code, 0);
  const jsonl = join(dir, 'edits.jsonl');
  writeFileSync(jsonl, typeof edits === 'string' ? edits : edits.map((edit) => JSON.stringify(edit)).join('\n') + '\n');
  return { dir, file, jsonl };
}

function read(file: string): Brief {
  const db = openStore(file, { readonly: true });
  try {
    return new BriefStore(db).getBrief()!;
  } finally {
    db.close();
  }
}

const OPTIONS = {
  title: 'Russia’s rare earth roadmap',
  author: 'Rare Earths Desk',
  date: '2026-01-15',
  marking: 'OFFICIAL-SENSITIVE',
  paper: 'letter',
  themeIds: ['$theme:2', '$theme:1'],
  excludedClaimIds: ['$claim:3.3'],
  includeBottomLine: true,
  includeJudgments: true,
  includeAssessments: true,
  includeNotes: true,
  includeAnnotations: true,
  includeIndicators: true,
  includeCharts: false,
  includeReferences: true,
  includeGrades: true,
};

/** A whole analysis written from a script: what an analyst would otherwise click together. */
const ANALYSIS: object[] = [
  { kind: 'brief.bottomLine', text: 'Russia will likely cut its reliance on Chinese rare earths, but not before 2030.' },
  { kind: 'judgment.add', as: 'kj1', text: 'Moscow will fund a national programme.', likelihood: 'likely', confidence: 'moderate' },
  { kind: 'judgment.add', as: 'kj2', text: 'Imports from China will fall by 2030.', likelihood: 'roughly-even', confidence: 'low' },
  { kind: 'judgment.add', as: 'kj3', text: 'Recycling will not close the gap.', likelihood: 'very-likely', confidence: null },
  { kind: 'evidence.link', judgmentId: '$kj1', targetKind: 'claim', targetId: '$claim:1.1', stance: 'supports' },
  { kind: 'evidence.link', judgmentId: '$kj1', targetKind: 'indicator', targetId: '$indicator:6', stance: 'undercuts' },
  { kind: 'evidence.link', judgmentId: '$kj2', targetKind: 'claim', targetId: '$claim:4.3', stance: 'supports' },
  { kind: 'citation.grade', sourceId: '$source', marker: 19, reliability: 'B', credibility: '2' },
  { kind: 'citation.grade', sourceId: '$source', marker: 6, reliability: 'C', credibility: '3' },
  { kind: 'source.grade', id: '$source', reliability: 'B', credibility: null },
  { kind: 'claim.assess', id: '$claim:2.1', confidence: 'high', judgement: 'Matches USGS figures' },
  { kind: 'claim.assess', id: '$claim:2.3', confidence: 'low', judgement: null },
  { kind: 'note.add', targetKind: 'brief', targetId: null, body: 'Brief-wide: check **2026** figures.', tags: ['follow-up'] },
  { kind: 'note.add', targetKind: 'theme', targetId: '$theme:2', body: 'On the industry.', tags: [] },
  { kind: 'note.add', targetKind: 'claim', targetId: '$claim:1.2', body: 'On export policy.', tags: ['china'] },
  { kind: 'note.add', targetKind: 'indicator', targetId: '$indicator:1', body: 'On the reserves figure.', tags: [] },
  { kind: 'highlight.add', targetKind: 'claim', targetId: '$claim:1.1', start: 4, end: 18, colour: 'yellow', comment: 'The thesis' },
  { kind: 'highlight.add', targetKind: 'claim', targetId: '$claim:1.2', start: 0, end: 5, colour: 'green', comment: 'Confirmed' },
  { kind: 'highlight.add', targetKind: 'claim', targetId: '$claim:2.1', start: 0, end: 6, colour: 'red', comment: 'Doubtful' },
  { kind: 'export.settings', options: OPTIONS },
];

test('briefing edit builds a whole analysis from a .jsonl, and the brief reads back with all of it', async (t) => {
  const { file, jsonl, dir } = await briefAndEdits(t, ANALYSIS);
  const edited = await run('edit', file, '--jsonl', jsonl, '--author', 'Script');
  assert.equal(edited.code, 0, edited.err);
  assert.match(edited.out, /^Applied 20 edits to .*brief\.sqlite, as Script\.$/m);
  assert.match(edited.out, /^ {2}\$kj1 = [0-9a-f-]{36}$/m);
  assert.deepEqual(readdirSync(dir).sort(), ['brief.sqlite', 'edits.jsonl'], 'written in place, nothing left beside it');

  const brief = read(file);
  const claim = (number: string) => brief.themes[Number(number.split('.')[0]) - 1]!.claims[Number(number.split('.')[1]) - 1]!;
  assert.equal(brief.bottomLine, 'Russia will likely cut its reliance on Chinese rare earths, but not before 2030.');
  assert.deepEqual(
    brief.judgments.map((j) => [j.text, j.likelihood, j.confidence, j.author]),
    [
      ['Moscow will fund a national programme.', 'likely', 'moderate', 'Script'],
      ['Imports from China will fall by 2030.', 'roughly-even', 'low', 'Script'],
      ['Recycling will not close the gap.', 'very-likely', null, 'Script'],
    ],
  );
  assert.deepEqual(
    brief.judgments.map((j) => j.evidence.map((e) => [e.targetId, e.stance])),
    [
      [
        [claim('1.1').id, 'supports'],
        [brief.indicators[5]!.id, 'undercuts'],
      ],
      [[claim('4.3').id, 'supports']],
      [],
    ],
    'the third judgment has no evidence yet',
  );
  assert.deepEqual(
    brief.citationGrades.map((g) => [g.sourceId, g.marker, g.reliability, g.credibility]),
    [
      [brief.sources[0]!.id, 6, 'C', '3'],
      [brief.sources[0]!.id, 19, 'B', '2'],
    ],
  );
  assert.deepEqual(brief.sources[0]!.grade, { reliability: 'B', credibility: null });
  assert.deepEqual(
    [claim('2.1'), claim('2.3')].map((c) => [c.confidence, c.judgement]),
    [
      ['high', 'Matches USGS figures'],
      ['low', null],
    ],
  );
  assert.deepEqual(
    brief.notes.map((n) => [n.targetKind, n.targetId, n.tags]),
    [
      ['brief', null, ['follow-up']],
      ['theme', brief.themes[1]!.id, []],
      ['claim', claim('1.2').id, ['china']],
      ['indicator', brief.indicators[0]!.id, []],
    ],
  );
  assert.deepEqual(
    brief.highlights.map((h) => [h.targetId, h.quote, h.colour, h.comment]),
    [
      [claim('1.1').id, 'core viewpoint', 'yellow', 'The thesis'],
      [claim('1.2').id, 'China', 'green', 'Confirmed'],
      [claim('2.1').id, 'Russia', 'red', 'Doubtful'],
    ],
  );
  assert.deepEqual(brief.exportSettings, {
    ...OPTIONS,
    themeIds: [brief.themes[1]!.id, brief.themes[0]!.id],
    excludedClaimIds: [claim('3.3').id],
  });
  assert.equal((await run('check', file)).code, 0, 'the file written is a sound brief');
});

test('a refused line names its line and field, and the file is left byte for byte as it was', async (t) => {
  const edits = [
    { kind: 'judgment.add', as: 'kj1', text: 'Fine', likelihood: 'likely', confidence: null },
    { kind: 'brief.bottomLine', text: 'Also fine' },
    { kind: 'judgment.add', text: '   ', likelihood: null, confidence: null },
    { kind: 'brief.bottomLine', text: 'Never reached' },
  ];
  const { file, jsonl, dir } = await briefAndEdits(t, edits);
  const before = sha256(file);
  const folder = fingerprintFolder(dir);
  const refused = await run('edit', file, '--jsonl', jsonl);
  assert.equal(refused.code, 1);
  assert.equal(refused.out, '');
  assert.equal(refused.err, 'briefing: line 3: text: A key judgment needs some words. Type them, or press Escape to cancel.');
  assert.equal(sha256(file), before, 'the brief file is unchanged');
  assert.deepEqual(fingerprintFolder(dir), folder, 'nothing written beside it');
  assert.deepEqual(read(file).judgments, [], 'the lines before the refusal were taken back too');
});

test('each kind of bad line is refused with its line, its field and a sentence; the file never changes', async (t) => {
  const fine = JSON.stringify({ kind: 'brief.bottomLine', text: 'Fine' });
  const cases: [string, RegExp][] = [
    ['not json', /^briefing: line 2: edit: This line is not JSON; write each edit as one JSON object on a line of its own\.$/],
    ['[1, 2]', /^briefing: line 2: edit: This line is not a JSON object/],
    [
      '{"kind": "judgment.frobnicate"}',
      /^briefing: line 2: kind: "judgment\.frobnicate" is not a kind of edit; `briefing schema` lists them\.$/,
    ],
    ['{"text": "no kind"}', /^briefing: line 2: kind: Every line needs a "kind"/],
    [
      '{"kind": "judgment.add", "text": "x", "likelihood": "probably", "confidence": null}',
      /^briefing: line 2: likelihood: Invalid option: expected one of "almost-no-chance"/,
    ],
    ['{"kind": "judgment.add", "text": "x", "likelihood": null}', /^briefing: line 2: confidence: confidence is missing/],
    [
      '{"kind": "brief.bottomLine", "text": "x", "colour": "red"}',
      /^briefing: line 2: colour: "colour" is not a field of brief\.bottomLine \(its fields: text\)\.$/,
    ],
    [
      '{"kind": "judgment.delete", "id": "$nowhere"}',
      /^briefing: line 2: id: "\$nowhere" names nothing: no earlier line has "as": "nowhere"/,
    ],
    ['{"kind": "judgment.delete", "id": "$claim:9.9"}', /^briefing: line 2: id: "\$claim:9\.9" names nothing/],
    ['{"kind": "judgment.delete", "id": "12"}', /^briefing: line 2: id: This is not an id/],
    [
      '{"kind": "judgment.delete", "id": "00000000-0000-4000-8000-000000000001"}',
      /^briefing: line 2: id: That key judgment no longer exists/,
    ],
    [
      '{"kind": "claim.delete", "id": "00000000-0000-4000-8000-000000000001"}',
      /^briefing: line 2: claim\.delete: That claim no longer exists/,
    ],
    ['{"kind": "brief.bottomLine", "as": "source", "text": "x"}', /^briefing: line 2: as: "source" names items of the brief/],
    [
      `{"kind": "brief.bottomLine", "as": "x", "text": "x"}\n{"kind": "brief.bottomLine", "as": "x", "text": "y"}`,
      /^briefing: line 3: as: "x" already names the id of line 2/,
    ],
    [
      '{"kind": "citation.grade", "sourceId": "$source", "marker": 4242, "reliability": "A", "credibility": null}',
      /^briefing: line 2: marker: No claim of this source cites \[4242\]/,
    ],
  ];
  for (const [line, message] of cases) {
    const { file, jsonl } = await briefAndEdits(t, `${fine}\n${line}\n`);
    const before = sha256(file);
    const refused = await run('edit', file, '--jsonl', jsonl);
    assert.equal(refused.code, 1, line);
    assert.match(refused.err, message, line);
    assert.doesNotMatch(refused.err, /\n/, 'one line');
    assert.equal(sha256(file), before, line);
  }
});

test('briefing edit opens the file as every command does: a hostile file is refused, an older one is brought up to date', async (t) => {
  const dir = tempDir(t);
  const jsonl = join(dir, 'edits.jsonl');
  writeFileSync(jsonl, `${JSON.stringify({ kind: 'judgment.add', text: 'On an old file', likelihood: 'likely', confidence: null })}\n`);
  const old = join(dir, 'old.sqlite');
  copyFileSync(new URL('../db/fixtures/schema-v3.sqlite', import.meta.url), old);
  const edited = await run('edit', old, '--jsonl', jsonl);
  assert.equal(edited.code, 0, edited.err);
  const db = openStore(old, { readonly: true });
  try {
    assert.equal(readSchemaState(db).version, SCHEMA_VERSION);
    assert.equal(new BriefStore(db).getBrief()!.judgments[0]!.text, 'On an old file');
  } finally {
    db.close();
  }

  const page = join(dir, 'page.sqlite');
  writeFileSync(page, '<!doctype html><p>hello</p>');
  const refused = await run('edit', page, '--jsonl', jsonl);
  assert.equal(refused.code, 1);
  assert.equal(refused.err, 'briefing: This is not a Briefing Desk file: it is a web page saved under a .sqlite name.');
  assert.equal(readFileSync(page, 'utf8'), '<!doctype html><p>hello</p>');
  assert.equal((await run('edit', old)).code, 2, 'no --jsonl: usage');
  assert.match((await run('edit', old, '--jsonl', join(dir, 'missing.jsonl'))).err, /Cannot read the edits/);
});

test('the example in cli/examples/edits.jsonl has a line of every kind, each as the app sends it, and applies to a new brief', async (t) => {
  const example = new URL('./examples/edits.jsonl', import.meta.url);
  const lines = readFileSync(example, 'utf8').trim().split('\n');
  const kinds = new Set<string>();
  for (const line of lines) {
    const { as: _as, ...edit } = JSON.parse(line) as Record<string, unknown>;
    kinds.add(String(edit.kind));
    // Every field is what the app's schema takes, with "$…" standing for an id.
    const withIds = JSON.parse(JSON.stringify(edit).replace(/"\$[^"]+"/g, '"00000000-0000-4000-8000-000000000001"'));
    assert.ok(briefEditSchema.safeParse(withIds).success, line);
  }
  assert.deepEqual([...kinds].sort(), Object.keys(EDIT_KINDS).sort());
  const dir = tempDir(t);
  const file = join(dir, 'brief.sqlite');
  await run('new', file);
  const edited = await run('edit', file, '--jsonl', example.pathname);
  assert.equal(edited.code, 0, edited.err);
  const brief = read(file);
  assert.match(brief.bottomLine!, /not before 2030/);
  assert.equal(brief.judgments.length, 2);
  assert.equal(brief.exportSettings!.marking, 'OFFICIAL-SENSITIVE');
});

/** A small JSON Schema check: what `briefing schema` uses of the standard (types, const, enum, objects, unions, bounds, patterns). */
function validates(schema: Record<string, unknown>, value: unknown): boolean {
  const s = schema as {
    type?: string;
    const?: unknown;
    enum?: unknown[];
    anyOf?: Record<string, unknown>[];
    oneOf?: Record<string, unknown>[];
    properties?: Record<string, Record<string, unknown>>;
    required?: string[];
    additionalProperties?: boolean;
    items?: Record<string, unknown>;
    maxItems?: number;
    maxLength?: number;
    minimum?: number;
    maximum?: number;
    pattern?: string;
  };
  if (s.anyOf && !s.anyOf.some((option) => validates(option, value))) return false;
  if (s.oneOf && s.oneOf.filter((option) => validates(option, value)).length !== 1) return false;
  if ('const' in s && value !== s.const) return false;
  if (s.enum && !s.enum.includes(value)) return false;
  const types: Record<string, (v: unknown) => boolean> = {
    object: (v) => typeof v === 'object' && v !== null && !Array.isArray(v),
    array: Array.isArray,
    string: (v) => typeof v === 'string',
    integer: Number.isInteger,
    number: (v) => typeof v === 'number',
    boolean: (v) => typeof v === 'boolean',
    null: (v) => v === null,
  };
  if (s.type && !types[s.type]!(value)) return false;
  if (
    typeof value === 'string' &&
    ((s.maxLength !== undefined && value.length > s.maxLength) || (s.pattern && !new RegExp(s.pattern).test(value)))
  )
    return false;
  if (typeof value === 'number' && ((s.minimum !== undefined && value < s.minimum) || (s.maximum !== undefined && value > s.maximum)))
    return false;
  if (
    Array.isArray(value) &&
    ((s.maxItems !== undefined && value.length > s.maxItems) || (s.items && !value.every((v) => validates(s.items!, v))))
  )
    return false;
  if (s.type === 'object') {
    const object = value as Record<string, unknown>;
    if ((s.required ?? []).some((key) => !(key in object))) return false;
    for (const [key, v] of Object.entries(object)) {
      const property = s.properties?.[key];
      if (!property) {
        if (s.additionalProperties === false) return false;
      } else if (!validates(property, v)) return false;
    }
  }
  return true;
}

test('briefing schema prints the JSON Schema of an edit: every kind, or one; it takes what the app takes', async () => {
  const all = await run('schema');
  assert.equal(all.code, 0, all.err);
  const schema = JSON.parse(all.out) as { oneOf: { properties: { kind: { const: string } } }[] };
  assert.deepEqual(schema.oneOf.map((option) => option.properties.kind.const).sort(), Object.keys(EDIT_KINDS).sort());
  const edit = {
    kind: 'citation.grade',
    sourceId: '3f2b8c1e-0d4a-4b7e-9c5d-1a2b3c4d5e6f',
    marker: 19,
    reliability: 'B',
    credibility: '2',
  };
  assert.ok(validates(schema as unknown as Record<string, unknown>, edit), 'a grade of [19] is an edit');
  for (const wrong of [
    { ...edit, reliability: 'G' },
    { ...edit, marker: -1 },
    { ...edit, sourceId: 'not an id' },
    { ...edit, extra: true },
    { kind: 'citation.grade' },
  ])
    assert.ok(!validates(schema as unknown as Record<string, unknown>, wrong), JSON.stringify(wrong));

  const one = await run('schema', 'judgment.add');
  const judgment = JSON.parse(one.out) as Record<string, unknown>;
  assert.deepEqual(judgment.required, ['kind', 'text', 'likelihood', 'confidence']);
  assert.ok(validates(judgment, { kind: 'judgment.add', text: 'x', likelihood: 'almost-certain', confidence: null }));
  assert.ok(!validates(judgment, { kind: 'judgment.add', text: 'x', likelihood: 'probably', confidence: null }));
  const unknown = await run('schema', 'judgment.frobnicate');
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /"judgment\.frobnicate" is not a kind of edit; the kinds are highlight\.add, /);
});
