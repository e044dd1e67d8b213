import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { closeAsSingleFile, openStore, prepared, saveCopy, type Db, ITEM_TABLES, type ItemTable } from '../store/index.ts';
import { BriefWriter } from '../edit/index.ts';
import { EDIT_KINDS, type BriefEdit, type EditKind } from '../../common/edits.ts';
import { StoreError } from '../../common/errors.ts';
import {
  COLOURS,
  COMPARATORS,
  CONFIDENCES,
  CREDIBILITIES,
  LIKELIHOODS,
  NOTE_TARGETS,
  RELIABILITIES,
  STANCES,
  type Colour,
} from '../../common/vocabulary.ts';
import { findFigures } from '../../common/figures.ts';
import { defaultExportOptions } from '../export/index.ts';
import { mergeInto, openConflicts, resolveConflict } from './merge.ts';
import { makeBriefFile, tempDir } from '../test-support/index.ts';

// A model-based property test of merge, the way CRDT libraries (Automerge, Yjs) test
// convergence. Three to five colleagues start from copies of one brief; each makes 3 to 12
// random real edits through BriefWriter.apply (every kind of common/edits.ts, on shared items, so
// they edit and delete what others edit, and tag notes with the same names); in 2 to 4 rounds,
// copies are saved (Save As) and merged in random orders, with stale copies, repeats, and now and
// then a conflict settled by the receiver. The model records every write anyone made (each row an
// edit changed, before and after, read from the edit's undo record) and which writes each copy
// and each saved file carries. After every merge:
//   - the file is sound: foreign_key_check finds nothing, integrity_check says ok, one live brief;
//   - nothing is lost silently: every write the receiver has been sent is in its row, or in an
//     open conflict naming who and when, or was overwritten by a later write the receiver also
//     holds whose writer had it in front of them (an edit made on top of it, or a conflict a
//     person settled seeing it);
//   - merging the same file again brings nothing and changes nothing (every item row, ancestor
//     row and conflict row, byte for byte).
// After a last round in which every colleague saves and merges everyone else's copy, every copy
// holds the same content: for each item, the set of its versions still standing (our row and
// the rows of its open conflicts) hashes the same in every copy.
//
// What "the same content" leaves out, and why: `rev`, `author`, `created_at`, `updated_at` and
// the time in `deleted_at` (only whether an item is deleted counts). They say which revision a
// copy holds and who wrote it when, not what the brief says, and they legitimately differ: while
// a conflict is open each copy keeps its own version as "ours" (so which one the row holds
// depends on the order files arrived in), and two colleagues who made the same change are joined
// under the later write's stamps in a copy that saw both together, but stand as two versions,
// each with its own author, beside a third one in a copy that saw that first. The figures
// printed at the end also count the histories whose copies agreed with the stamps included.

const TAGS = ['urgent', 'Urgent', 'ports', 'follow-up', 'Kazakhstan'];
const WORDS = ['Revised [1]', 'Checked [2] twice', 'Doubtful', 'Key point [1][3]', 'Rare earths', 'Outlook'];
const MEANINGS = ['Key fact', 'Doubtful', 'Check this'];
const UNITS = ['%', 'tons'];
const MARKINGS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'];

/** One random edit, turned into a real BriefEdit against the colleague's copy as it is when it runs. */
interface EditSpec {
  kind: EditKind;
  i: number;
  j: number;
  k: number;
  word: string;
  tags: string[];
  colour: Colour;
  flag: boolean;
}

interface Exchange {
  from: number;
  to: number;
  /** When it picks an earlier saved file of the sender rather than a fresh save: a stale copy, merged again. */
  stale: number;
  /** After the merge, the receiver settles its first open conflict: 1 keeps ours, 2 takes theirs, else none. */
  resolve: number;
}

interface History {
  colleagues: number;
  rounds: number;
  edits: EditSpec[][];
  exchanges: Exchange[][];
  finalOrder: number[][];
}

const editArb: fc.Arbitrary<EditSpec> = fc.record({
  kind: fc.constantFrom(...(Object.keys(EDIT_KINDS) as EditKind[])),
  i: fc.nat(40),
  j: fc.nat(40),
  k: fc.nat(40),
  word: fc.constantFrom(...WORDS),
  tags: fc.subarray(TAGS, { maxLength: 3 }),
  colour: fc.constantFrom(...COLOURS),
  flag: fc.boolean(),
});
const exchangeArb: fc.Arbitrary<Exchange> = fc.record({ from: fc.nat(4), to: fc.nat(4), stale: fc.nat(5), resolve: fc.nat(3) });
const historyArb: fc.Arbitrary<History> = fc.record({
  colleagues: fc.integer({ min: 3, max: 5 }),
  rounds: fc.integer({ min: 2, max: 4 }),
  edits: fc.array(fc.array(editArb, { minLength: 3, maxLength: 12 }), { minLength: 5, maxLength: 5 }),
  exchanges: fc.array(fc.array(exchangeArb, { minLength: 1, maxLength: 3 }), { minLength: 4, maxLength: 4 }),
  finalOrder: fc.array(fc.array(fc.nat(100), { minLength: 5, maxLength: 5 }), { minLength: 5, maxLength: 5 }),
});

/** The test's own statements, prepared once per copy (statements prepared afresh pile up on a connection). */
const sql = prepared;

// ---------------------------------------------------------------------------------------------
// What a brief says: rows without their stamps.

const STAMPS = new Set(['rev', 'author', 'created_at', 'updated_at']);
type Values = Record<string, unknown>;

const contentColumns = new Map<string, string[]>();
function content(row: Values, keepStamps = false): string {
  const signature = `${keepStamps}:${Object.keys(row).join(',')}`;
  let columns = contentColumns.get(signature);
  if (!columns) {
    columns = Object.keys(row)
      .filter((column) => (keepStamps ? column !== 'rev' : !STAMPS.has(column)))
      .sort();
    contentColumns.set(signature, columns);
  }
  return JSON.stringify(
    columns.map((column) => [
      column,
      column === 'deleted_at' && !keepStamps ? row[column] !== null && row[column] !== undefined : row[column],
    ]),
  );
}

/**
 * The canonical, order-independent hash of a copy: for every item, the sorted set of its versions
 * still standing (our row, and the rows of its open conflicts).
 */
function canonicalHash(db: Db, keepStamps = false): string {
  const items = new Map<string, Set<string>>();
  const versions = (table: string, id: string) => {
    const key = `${table}/${id}`;
    let set = items.get(key);
    if (!set) items.set(key, (set = new Set()));
    return set;
  };
  for (const table of ITEM_TABLES) {
    for (const row of sql(db, `SELECT * FROM ${table}`).all() as Values[]) versions(table, String(row.id)).add(content(row, keepStamps));
  }
  for (const conflict of openConflicts(db)) versions(conflict.table, conflict.rowId).add(content(conflict.theirs, keepStamps));
  const canonical = [...items.entries()].map(([key, set]) => [key, [...set].sort()]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
  return createHash('sha256').update(JSON.stringify(canonical)).digest('hex');
}

/** Everything a merge could write, byte for byte: item rows, ancestor rows and conflict rows. */
const stateQueries = new Map<string, string>();
function exactState(db: Db): string {
  const hash = createHash('sha256');
  for (const table of [...ITEM_TABLES, 'row_ancestors', 'merge_conflicts']) {
    let query = stateQueries.get(table);
    if (!query) {
      const columns = (db.prepare(`SELECT name FROM pragma_table_info('${table}')`).pluck().all() as string[]).map((c) => `"${c}"`);
      // With the rowid where there is one: a row deleted and written again the same still shows as a change.
      if (table !== 'row_ancestors') columns.unshift('rowid');
      stateQueries.set(table, (query = `SELECT json_group_array(json_array(${columns.join(', ')})) FROM ${table}`));
    }
    hash.update(sql(db, query).pluck().get() as string);
  }
  return hash.digest('hex');
}

// ---------------------------------------------------------------------------------------------
// The model: every write, and who has been sent which.

interface Write {
  table: ItemTable;
  id: string;
  author: string;
  values: string;
  /** What the row said when the writer changed it (none for a new row; both versions for a settled conflict). */
  seen: string[];
}

interface Copy {
  name: string;
  path: string;
  db: Db;
  writer: BriefWriter;
  knows: Set<number>;
  saved: SavedFile[];
}

interface SavedFile {
  path: string;
  knows: Set<number>;
}

const stats = {
  histories: 0,
  colleagues: 0,
  edits: 0,
  refused: 0,
  kinds: new Set<string>(),
  merges: 0,
  remerges: 0,
  resolved: 0,
  conflictsOpen: 0,
  agreed: 0,
  stampsAgreed: 0,
};

const live = (db: Db, text: string): string[] => sql(db, text).pluck().all() as string[];
const pick = <T>(list: readonly T[], n: number): T | undefined => (list.length === 0 ? undefined : list[n % list.length]);

/** The BriefEdit a spec means in this copy now; undefined when the copy has nothing to apply it to. */
function toEdit(db: Db, spec: EditSpec): BriefEdit | undefined {
  // In the order the rows came into this copy, so that a history replays the same way on another brief's random ids.
  const claims = live(
    db,
    'SELECT c.id FROM claims c JOIN themes t ON t.id = c.theme_id WHERE c.deleted_at IS NULL AND t.deleted_at IS NULL ORDER BY c.rowid',
  );
  const themes = live(db, 'SELECT id FROM themes WHERE deleted_at IS NULL ORDER BY rowid');
  const notes = live(db, 'SELECT id FROM notes WHERE deleted_at IS NULL ORDER BY rowid');
  const highlights = live(db, 'SELECT id FROM annotations WHERE deleted_at IS NULL ORDER BY rowid');
  const indicators = live(db, 'SELECT id FROM indicators WHERE deleted_at IS NULL ORDER BY rowid');
  const observations = live(db, 'SELECT id FROM observations WHERE deleted_at IS NULL ORDER BY rowid');
  const sources = live(db, 'SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY rowid');
  const judgments = live(db, 'SELECT id FROM judgments WHERE deleted_at IS NULL ORDER BY rowid');
  const links = live(db, 'SELECT id FROM evidence_links WHERE deleted_at IS NULL ORDER BY rowid');
  // The numbers the first source's claims cite (a claim of no source cites the first source's).
  const firstSourceMarkers = (
    sql(
      db,
      `SELECT DISTINCT ci.marker FROM citations ci JOIN claims c ON c.id = ci.claim_id JOIN themes t ON t.id = c.theme_id
      WHERE ci.deleted_at IS NULL AND c.deleted_at IS NULL AND t.deleted_at IS NULL
        AND coalesce(c.source_id, t.source_id, (SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY created_at, id LIMIT 1)) =
          (SELECT id FROM sources WHERE deleted_at IS NULL ORDER BY rowid LIMIT 1)
      ORDER BY ci.marker`,
    )
      .pluck()
      .all() as number[]
  ).map(Number);
  const reliability = [null, ...RELIABILITIES][spec.j % (RELIABILITIES.length + 1)]!;
  const credibility = [null, ...CREDIBILITIES][spec.k % (CREDIBILITIES.length + 1)]!;
  const direction = spec.flag ? ('up' as const) : ('down' as const);
  const claimOrNull = spec.flag ? (pick(claims, spec.k) ?? null) : null;
  const builders: { [K in EditKind]: () => BriefEdit | undefined } = {
    'highlight.add': () => {
      const onSource = spec.flag && sources.length > 0;
      const targetId = onSource ? pick(sources, spec.i) : pick(claims, spec.i);
      if (!targetId) return undefined;
      const text = sql(db, onSource ? 'SELECT title_original FROM sources WHERE id = ?' : 'SELECT text FROM claims WHERE id = ?')
        .pluck()
        .get(targetId) as string;
      if (text.length < 2) return undefined;
      const start = spec.j % (text.length - 1);
      const end = Math.min(text.length, start + 1 + (spec.k % 12));
      return {
        kind: 'highlight.add',
        targetKind: onSource ? 'source' : 'claim',
        targetId,
        start,
        end,
        colour: spec.colour,
        comment: spec.flag ? spec.word : null,
      };
    },
    'highlight.update': () => {
      const id = pick(highlights, spec.i);
      return id ? { kind: 'highlight.update', id, colour: spec.colour, comment: spec.flag ? null : spec.word } : undefined;
    },
    'highlight.delete': () => {
      const id = pick(highlights, spec.i);
      return id ? { kind: 'highlight.delete', id } : undefined;
    },
    'note.add': () => {
      const targetKind = NOTE_TARGETS[spec.j % NOTE_TARGETS.length]!;
      const targets = { brief: [null], theme: themes, claim: claims, indicator: indicators, source: sources }[targetKind];
      const targetId = pick<string | null>(targets, spec.i);
      if (targetId === undefined) return undefined;
      return { kind: 'note.add', targetKind, targetId, body: spec.word, tags: spec.tags };
    },
    'note.update': () => {
      const id = pick(notes, spec.i);
      return id ? { kind: 'note.update', id, body: spec.word, tags: spec.tags } : undefined;
    },
    'note.delete': () => {
      const id = pick(notes, spec.i);
      return id ? { kind: 'note.delete', id } : undefined;
    },
    'claim.update': () => {
      const id = pick(claims, spec.i);
      return id ? { kind: 'claim.update', id, text: spec.word } : undefined;
    },
    'claim.assess': () => {
      const id = pick(claims, spec.i);
      const confidence = [null, ...CONFIDENCES][spec.j % 4]!;
      return id ? { kind: 'claim.assess', id, confidence, judgement: spec.flag ? spec.word : null } : undefined;
    },
    'claim.add': () => {
      const themeId = pick(themes, spec.i);
      return themeId ? { kind: 'claim.add', themeId, text: spec.word } : undefined;
    },
    'claim.move': () => {
      const id = pick(claims, spec.i);
      return id ? { kind: 'claim.move', id, direction } : undefined;
    },
    'claim.delete': () => {
      const id = pick(claims, spec.i);
      return id ? { kind: 'claim.delete', id } : undefined;
    },
    'theme.add': () => ({ kind: 'theme.add', title: spec.word }),
    'theme.update': () => {
      const id = pick(themes, spec.i);
      return id ? { kind: 'theme.update', id, title: spec.word } : undefined;
    },
    'theme.move': () => {
      const id = pick(themes, spec.i);
      return id ? { kind: 'theme.move', id, direction } : undefined;
    },
    'indicator.add': () => ({ kind: 'indicator.add', name: spec.word, unit: UNITS[spec.j % 2]!, claimId: claimOrNull }),
    'indicator.update': () => {
      const id = pick(indicators, spec.i);
      return id ? { kind: 'indicator.update', id, name: spec.word, unit: UNITS[spec.j % 2]!, claimId: claimOrNull } : undefined;
    },
    'observation.add': () => {
      const indicatorId = pick(indicators, spec.i);
      if (!indicatorId) return undefined;
      return {
        kind: 'observation.add',
        indicatorId,
        value: String(spec.j % 7),
        unit: UNITS[spec.k % 2]!,
        comparator: COMPARATORS[spec.k % COMPARATORS.length]!,
        asOf: ['', '2025-01-01', '2026-06-30'][spec.j % 3]!,
        claimId: claimOrNull,
      };
    },
    'observation.delete': () => {
      const id = pick(observations, spec.i);
      return id ? { kind: 'observation.delete', id } : undefined;
    },
    'palette.rename': () => ({ kind: 'palette.rename', colour: spec.colour, meaning: MEANINGS[spec.i % MEANINGS.length]! }),
    'brief.bottomLine': () => ({ kind: 'brief.bottomLine', text: spec.i % 4 === 0 ? null : spec.word }),
    'judgment.add': () => ({
      kind: 'judgment.add',
      text: spec.word,
      likelihood: [null, ...LIKELIHOODS][spec.j % (LIKELIHOODS.length + 1)]!,
      confidence: [null, ...CONFIDENCES][spec.k % 4]!,
    }),
    'judgment.update': () => {
      const id = pick(judgments, spec.i);
      const likelihood = [null, ...LIKELIHOODS][spec.j % (LIKELIHOODS.length + 1)]!;
      return id ? { kind: 'judgment.update', id, text: spec.word, likelihood, confidence: [null, ...CONFIDENCES][spec.k % 4]! } : undefined;
    },
    'judgment.move': () => {
      const id = pick(judgments, spec.i);
      return id ? { kind: 'judgment.move', id, direction } : undefined;
    },
    'judgment.delete': () => {
      const id = pick(judgments, spec.i);
      return id ? { kind: 'judgment.delete', id } : undefined;
    },
    'evidence.link': () => {
      const judgmentId = pick(judgments, spec.i);
      const onIndicator = spec.flag && indicators.length > 0;
      const targetId = pick(onIndicator ? indicators : claims, spec.j);
      if (!judgmentId || !targetId) return undefined;
      return { kind: 'evidence.link', judgmentId, targetKind: onIndicator ? 'indicator' : 'claim', targetId, stance: STANCES[spec.k % 2]! };
    },
    'evidence.unlink': () => {
      const id = pick(links, spec.i);
      return id ? { kind: 'evidence.unlink', id } : undefined;
    },
    'citation.grade': () => {
      const sourceId = pick(sources, 0);
      const marker = pick(firstSourceMarkers, spec.i);
      return sourceId && marker !== undefined ? { kind: 'citation.grade', sourceId, marker, reliability, credibility } : undefined;
    },
    'source.grade': () => {
      const id = pick(sources, spec.i);
      return id ? { kind: 'source.grade', id, reliability, credibility } : undefined;
    },
    'source.add': () => ({
      kind: 'source.add',
      receipt: null,
      provenance: null,
      headline: spec.word,
      headlineLanguage: spec.flag ? 'en' : null,
      titleTranslation: null,
      shortName: spec.flag ? MEANINGS[spec.i % MEANINGS.length]! : null,
      publisher: 'Desk',
      publishedOn: spec.flag ? '2026-01-01' : null,
      themes: [{ heading: spec.word, claims: [spec.word, WORDS[spec.j % WORDS.length]!] }],
    }),
    'source.update': () => {
      const id = pick(sources, spec.i);
      return id
        ? { kind: 'source.update', id, shortName: spec.flag ? spec.word : null, titleTranslation: spec.flag ? null : spec.word }
        : undefined;
    },
    'claim.translate': () => {
      const id = pick(claims, spec.i);
      return id ? { kind: 'claim.translate', id, translation: spec.j % 3 === 0 ? null : spec.word } : undefined;
    },
    'figure.accept': () => {
      const claimId = pick(claims, spec.i);
      if (!claimId) return undefined;
      const figure = findFigures(sql(db, 'SELECT text FROM claims WHERE id = ?').pluck().get(claimId) as string)[0];
      if (!figure) return undefined;
      const value = Array.isArray(figure.value) ? figure.value[1] : figure.value;
      return {
        kind: 'figure.accept',
        claimId,
        quote: figure.quote,
        name: MEANINGS[spec.j % MEANINGS.length]!,
        unit: figure.unit,
        value: String(value),
        comparator: figure.comparator,
        asOf: spec.flag ? '2025-11-09' : '',
      };
    },
    'figure.dismiss': () => {
      const claimId = pick(claims, spec.i);
      if (!claimId) return undefined;
      const figure = findFigures(sql(db, 'SELECT text FROM claims WHERE id = ?').pluck().get(claimId) as string)[0];
      return figure ? { kind: 'figure.dismiss', claimId, quote: figure.quote } : undefined;
    },
    'export.settings': () => ({
      kind: 'export.settings',
      options: {
        ...defaultExportOptions('Brief', 'colleague', '2026-01-15'),
        marking: MARKINGS[spec.i % MARKINGS.length]!,
        paper: spec.flag ? 'a4' : 'letter',
        themeIds: spec.j % 3 === 0 ? null : themes.slice(0, 1 + (spec.k % 3)),
      },
    }),
  };
  return builders[spec.kind]();
}

/** Applies one edit and records its writes (the rows it changed, before and after, from its undo record). */
function applyEdit(copy: Copy, spec: EditSpec, writes: Write[]): void {
  const edit = toEdit(copy.db, spec);
  if (!edit) return;
  const lastSeq = sql(copy.db, 'SELECT coalesce(max(seq), 0) FROM edit_history').pluck().get() as number;
  try {
    copy.writer.apply(edit);
  } catch (error) {
    // Refused as in the app: a highlight over spaces only, an indicator named like another. Nothing else may be.
    const refusable =
      (edit.kind === 'highlight.add' && error instanceof StoreError && error.field === 'range') ||
      (edit.kind.startsWith('indicator.') && error instanceof StoreError && error.field === 'name');
    if (refusable && error.code === 'invalid-input') {
      stats.refused++;
      return;
    }
    throw error;
  }
  stats.edits++;
  stats.kinds.add(edit.kind);
  trace(`${copy.name}: ${JSON.stringify(edit)}`);
  // A move at the end of its list changes nothing and leaves no undo record.
  const recorded = sql(copy.db, 'SELECT changes FROM edit_history WHERE seq > ?').pluck().get(lastSeq) as string | undefined;
  const changes = JSON.parse(recorded ?? '[]') as { table: ItemTable; id: string; before: Values | null; after: Values }[];
  for (const change of changes) {
    copy.knows.add(writes.length);
    writes.push({
      table: change.table,
      id: change.id,
      author: copy.name,
      values: content(change.after),
      seen: change.before ? [content(change.before)] : [],
    });
  }
}

/** The writes a copy has been sent that it holds neither in a row nor in an open conflict, nor saw overwritten. */
function lostWrites(copy: Copy, writes: Write[]): Write[] {
  const known = [...copy.knows].map((n) => writes[n]!);
  const wanted = new Set(known.map((w) => `${w.table}/${w.id}`));
  const standing = new Set<string>();
  for (const table of ITEM_TABLES) {
    for (const row of sql(copy.db, `SELECT * FROM ${table}`).all() as Values[]) {
      const key = `${table}/${String(row.id)}`;
      if (wanted.has(key)) standing.add(`${key}/${content(row)}`);
    }
  }
  for (const conflict of openConflicts(copy.db)) {
    // A conflict names who wrote their version and when.
    assert.ok(String(conflict.theirs.author) !== '' && String(conflict.theirs.updated_at ?? '') !== '', 'a conflict names who and when');
    standing.add(`${conflict.table}/${conflict.rowId}/${content(conflict.theirs)}`);
  }
  const lost: Write[] = [];
  const byItem = Map.groupBy(known, (w) => `${w.table}/${w.id}`);
  for (const [key, item] of byItem) {
    const accounted = new Set(item.filter((w) => standing.has(`${key}/${w.values}`)));
    // A write someone saw and overwrote is accounted for by the write on top of it.
    for (let grew = true; grew;) {
      grew = false;
      for (const w of item) {
        if (!accounted.has(w) && item.some((later) => accounted.has(later) && later.seen.includes(w.values))) {
          accounted.add(w);
          grew = true;
        }
      }
    }
    lost.push(...item.filter((w) => !accounted.has(w)));
  }
  return lost;
}

function checkSound(copy: Copy): void {
  assert.deepEqual(copy.db.pragma('foreign_key_check'), [], `${copy.name}: foreign keys hold`);
  assert.equal(copy.db.pragma('integrity_check', { simple: true }), 'ok');
  assert.equal(sql(copy.db, 'SELECT count(*) FROM brief WHERE deleted_at IS NULL').pluck().get(), 1, 'one live brief');
}

/** A copy handed on: Save As, the app's clean, self-contained file (no undo history, no log beside it). */
function save(copy: Copy, dir: string): SavedFile {
  const file = { path: join(dir, `${copy.name}-${copy.saved.length}.sqlite`), knows: new Set(copy.knows) };
  saveCopy(copy.db, file.path);
  copy.saved.push(file);
  return file;
}

const trace = process.env.MERGE_PROPERTY_TRACE ? (line: string) => console.log(line) : () => {};

/** A person settles a conflict: a write that saw both versions and keeps one. */
function settle(copy: Copy, choice: 'ours' | 'theirs', writes: Write[]): void {
  const conflict = openConflicts(copy.db)[0];
  if (!conflict) return;
  const seen = [conflict.theirs, ...(conflict.ours ? [conflict.ours] : [])].map((row) => content(row));
  resolveConflict(copy.db, conflict.id, choice);
  stats.resolved++;
  trace(`${copy.name} keeps ${choice} of ${conflict.table}/${conflict.rowId}`);
  const row = sql(copy.db, `SELECT * FROM ${conflict.table} WHERE id = ?`).get(conflict.rowId) as Values | undefined;
  if (!row) return;
  copy.knows.add(writes.length);
  writes.push({ table: conflict.table, id: conflict.rowId, author: copy.name, values: content(row), seen });
  checkSound(copy);
  assert.deepEqual(lostWrites(copy, writes), [], `${copy.name} lost writes when settling a conflict`);
}

/** Merges a file, checks every invariant, merges it again and checks that nothing changed. */
function receive(copy: Copy, file: SavedFile, writes: Write[]): void {
  const report = mergeInto(copy.db, file.path, 'colleague.sqlite');
  trace(`merge ${file.path.split('/').pop()} into ${copy.name}: ${JSON.stringify(report)}`);
  stats.merges++;
  for (const n of file.knows) copy.knows.add(n);
  checkSound(copy);
  const lost = lostWrites(copy, writes);
  assert.deepEqual(lost, [], `${copy.name} lost writes silently`);
  const before = exactState(copy.db);
  const again = mergeInto(copy.db, file.path, 'colleague.sqlite');
  stats.remerges++;
  assert.deepEqual([again.added, again.updated, again.conflicts], [0, 0, 0], 'a second merge of the same file brings nothing');
  assert.equal(exactState(copy.db), before, 'merging the same file twice changes nothing');
}

function runHistory(history: History, base: string, root: string, run: number): void {
  const dir = join(root, `h${run}`);
  mkdirSync(dir);
  const writes: Write[] = [];
  const copies: Copy[] = [];
  try {
    for (let n = 0; n < history.colleagues; n++) {
      const path = join(dir, `colleague${n}.sqlite`);
      copyFileSync(base, path);
      const db = openStore(path);
      copies.push({ name: `colleague${n}`, path, db, writer: new BriefWriter(db, `colleague${n}`), knows: new Set(), saved: [] });
    }
    for (let round = 0; round < history.rounds; round++) {
      for (const [n, copy] of copies.entries()) {
        const edits = history.edits[n]!;
        const share = edits.filter((_, e) => Math.floor((e * history.rounds) / edits.length) === round);
        for (const spec of share) applyEdit(copy, spec, writes);
      }
      for (const exchange of history.exchanges[round]!) {
        const from = copies[exchange.from % copies.length]!;
        let to = copies[exchange.to % copies.length]!;
        if (to === from) to = copies[(exchange.to + 1) % copies.length]!;
        const file = from.saved.length > 0 && exchange.stale % 3 === 0 ? from.saved[exchange.stale % from.saved.length]! : save(from, dir);
        receive(to, file, writes);
        if (exchange.resolve === 1 || exchange.resolve === 2) settle(to, exchange.resolve === 1 ? 'ours' : 'theirs', writes);
      }
    }
    // The last round: everyone saves, then everyone merges everyone else's copy, in their own order.
    const finals = copies.map((copy) => save(copy, dir));
    for (const [n, copy] of copies.entries()) {
      const order = finals
        .map((file, m) => ({ file, m, key: history.finalOrder[n]![m]! }))
        .filter(({ m }) => m !== n)
        .sort((a, b) => a.key - b.key || a.m - b.m);
      for (const { file } of order) receive(copy, file, writes);
    }
    const hashes = copies.map((copy) => canonicalHash(copy.db));
    const withStamps = copies.map((copy) => canonicalHash(copy.db, true));
    stats.histories++;
    stats.colleagues += copies.length;
    stats.conflictsOpen += openConflicts(copies[0]!.db).length;
    if (new Set(withStamps).size === 1) stats.stampsAgreed++;
    assert.equal(new Set(hashes).size, 1, 'every copy that received every file holds the same content');
    stats.agreed++;
  } finally {
    for (const copy of copies) if (copy.db.open) copy.db.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

test('property: copies exchanged and merged in any order never fail, never lose a write, and converge', (t) => {
  const started = performance.now();
  const cpu = process.cpuUsage();
  // In memory where the system has it: the histories save and fsync a few thousand small files.
  const root = existsSync('/dev/shm') ? mkdtempSync('/dev/shm/briefing-merge-property-') : tempDir(t, 'briefing-merge-property-');
  t.after(() => rmSync(root, { recursive: true, force: true }));
  const base = join(root, 'base.sqlite');
  const seed = join(root, 'seed.sqlite');
  makeBriefFile(seed, 'author');
  // Every copy starts with a key judgment resting on two claims, so the edits of evidence that need
  // a link to exist (unlink) meet one in every history, not only after a link was added by chance.
  // The file handed round is the app's clean copy of it (Save: no undo history).
  const start = openStore(seed);
  const claimsOfBase = sql(start, 'SELECT id FROM claims WHERE deleted_at IS NULL ORDER BY rowid').pluck().all() as string[];
  const author = new BriefWriter(start, 'author');
  const { id: judgmentId } = author.apply({ kind: 'judgment.add', text: 'Imports will fall.', likelihood: 'likely', confidence: 'low' });
  for (const targetId of claimsOfBase.slice(0, 2))
    author.apply({ kind: 'evidence.link', judgmentId, targetKind: 'claim', targetId, stance: 'supports' });
  saveCopy(start, base);
  closeAsSingleFile(start);
  let run = 0;
  const numRuns = Number(process.env.MERGE_PROPERTY_RUNS ?? 200);
  const wanted = process.env.MERGE_PROPERTY_SEED;
  const seedOfRun = wanted === 'random' ? Math.floor(Math.random() * 2 ** 31) : Number(wanted ?? 20_261_129);
  t.diagnostic(`merge property seed: ${seedOfRun}`);
  fc.assert(
    fc.property(historyArb, (history) => runHistory(history, base, root, run++)),
    {
      numRuns,
      // The same 200 histories in every run, so CI says the same of the same code. MERGE_PROPERTY_SEED=random
      // explores others; to replay a failure: MERGE_PROPERTY_SEED=<seed> MERGE_PROPERTY_PATH=<path> from
      // fast-check's report. Open: seed 108251309 finds copies that settle bottom-line conflicts "ours"
      // and do not converge (reproduced on the test as it was before schema v6 too).
      seed: seedOfRun,
      path: process.env.MERGE_PROPERTY_PATH,
      endOnFailure: process.env.MERGE_PROPERTY_PATH !== undefined,
    },
  );
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const used = process.cpuUsage(cpu);
  const cpuSeconds = ((used.user + used.system) / 1e6).toFixed(1);
  const summary =
    `merge property: ${stats.histories} histories (${stats.colleagues} colleagues), ${stats.edits} edits ` +
    `(${stats.kinds.size} of ${Object.keys(EDIT_KINDS).length} kinds; ${stats.refused} more refused as the app refuses them), ` +
    `${stats.merges} merges checked + ${stats.remerges} repeated merges, ${stats.resolved} conflicts settled on the way, ` +
    `${stats.conflictsOpen} left open at the end (first copy of each history); ` +
    `canonical hashes agreed in ${stats.agreed}/${stats.histories} histories ` +
    `(with author and times counted too: ${stats.stampsAgreed}/${stats.histories}); ${seconds} s (${cpuSeconds} s of CPU)`;
  t.diagnostic(summary);
  console.log(summary);
  if (process.env.MERGE_PROPERTY_PATH === undefined)
    assert.deepEqual(
      Object.keys(EDIT_KINDS).filter((kind) => !stats.kinds.has(kind)),
      [],
      'every kind of edit was exercised',
    );
});
