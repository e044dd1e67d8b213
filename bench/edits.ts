// Edits at the router against the same SQL run bare, what each answer that crosses the bridge costs
// to carry, and the main process's memory with the store open: all in a Node process of their own
// (run.ts starts this file as one), which reads the brief as the main process does, through the
// router's bounded answers, so the memory is the store's and the router's alone, apart from
// Playwright, Chromium and the bench's own synthetic briefs.
import { copyFileSync, mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { deserialize, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Statement } from 'better-sqlite3';
import type { BriefOpening, BriefPart, Claim } from '../common/model.ts';
import { LIMITS } from '../common/limits.ts';
import { openStore, type Db } from '../db/store/index.ts';
import { NODE_RECEIVE_WORKER } from '../db/receive/index.ts';
import { NODE_INGEST_WORKER } from '../db/ingest/index.ts';
import { ScriptedDialogs } from '../electron/services/documents/index.ts';
import { startBackend } from '../electron/services/router/index.ts';
import { repeat, round, summarise, type Measure } from './stats.ts';

/** One row of the table: the app's figure against its baseline (see run.ts `record`). */
export interface BenchRow {
  measure: string;
  case: string;
  app: Measure;
  baseline: string;
  base: Measure | null;
  targetRatio: number | null;
  target: string;
  maxMs?: number;
  bytes?: number;
}

export interface MainProcessMemory {
  items: number;
  rssMB: number;
  heapUsedMB: number;
  externalMB: number;
  met: boolean;
}

const APP = { url: 'app://briefing/index.html' };
const TRANSACTION_CONTROL = /^\s*(BEGIN|COMMIT|ROLLBACK|SAVEPOINT|RELEASE)\b/i;
type Method = 'run' | 'get' | 'all' | 'iterate';
interface Call {
  sql: string;
  method: Method;
  args: unknown[];
}

/**
 * Every statement one connection runs while `calls` is set, in order, with its arguments: what the
 * bare replay runs again. Transaction control is left out (the replay runs each step as one).
 */
function statementLog(db: Db) {
  const log: { calls: Call[] | null; stop(): void } = { calls: null, stop: () => {} };
  const prototype = Object.getPrototypeOf(db.prepare('SELECT 1')) as Record<Method, (...args: unknown[]) => unknown>;
  const originals = (['run', 'get', 'all', 'iterate'] as const).map((method) => [method, prototype[method]] as const);
  for (const [method, original] of originals) {
    prototype[method] = function (this: Statement, ...args: unknown[]) {
      if (log.calls && this.database === db && !TRANSACTION_CONTROL.test(this.source)) log.calls.push({ sql: this.source, method, args });
      return original.apply(this, args);
    };
  }
  log.stop = () => originals.forEach(([method, original]) => (prototype[method] = original));
  return log;
}

/** Megabytes, two decimals. */
const mb = (bytes: number) => round(bytes / 2 ** 20);

/**
 * Edit latency at the router (validation, the write with revisions, ancestors, search index, undo
 * record, the document's state and the patch), each sample's statements logged and run again, bare,
 * in one transaction on a second copy of the same brief: the same SQL with the same values, in the
 * same order, so that copy goes through the same states. Then every kind of answer the bridge
 * carries, serialised and read back with v8 (Electron's structured clone) and as JSON (the test
 * host's carriage); then the process's memory.
 */
export async function editsAndBridge(
  file: string,
  items: number,
  work: string,
  runs: number,
): Promise<{ rows: BenchRow[]; memory: MainProcessMemory; notes: string[] }> {
  const userData = mkdtempSync(join(work, 'edits-'));
  copyFileSync(file, join(userData, 'briefing.sqlite'));
  const bareFile = join(work, 'edits-bare.sqlite');
  copyFileSync(file, bareFile);
  const backend = startBackend({
    userData,
    host: 'chromium',
    version: 'bench',
    dialogs: new ScriptedDialogs(),
    receiveWorker: NODE_RECEIVE_WORKER,
    ingestWorker: NODE_INGEST_WORKER,
    printer: { open: () => Promise.reject(new Error('nothing is printed in this measure')) },
    emit: () => {},
  });
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  const log = statementLog(backend.documents.workspace.db);
  try {
    const invoke = async (channel: string, args: unknown[]) => {
      const result = await backend.router.invoke(channel, args, APP);
      if (!result.ok) throw new Error(`${channel}: ${result.message}`);
      return result;
    };
    // The claims to edit, spread over the whole brief, found as the window finds them: the opening, then
    // bounded parts. Only they are kept, so nothing of the brief's reading is counted in the memory below.
    const opening = (await invoke('brief:get', [])).value as BriefOpening;
    const every = Math.ceil(opening.totals.claims / (4 * (runs + 1)));
    const edited: Pick<Claim, 'id' | 'editableText'>[] = [];
    const keep = (claims: readonly Claim[], offset: number) =>
      claims.forEach((claim, i) => (offset + i) % every === 0 && edited.push({ id: claim.id, editableText: claim.editableText }));
    const openingClaims = opening.brief.themes.flatMap((theme) => theme.claims);
    keep(openingClaims, 0);
    // Each part from where the last ended (the first after the opening's claims), by what it held, as the window's loader goes.
    for (let offset = openingClaims.length; offset < opening.totals.claims;) {
      const { claims } = (await invoke('brief:part', ['claims', offset])).value as BriefPart;
      if (claims.length === 0) break;
      keep(claims, offset);
      offset += claims.length;
    }
    const steps: { label: string | null; calls: Call[] }[] = [];
    const samples = new Map<string, number[]>();
    const answers = new Map<string, unknown>();
    const step = async (label: string | null, channel: string, args: unknown[]) => {
      log.calls = [];
      const start = performance.now();
      const result = await invoke(channel, args);
      const ms = performance.now() - start;
      steps.push({ label, calls: log.calls });
      log.calls = null;
      if (label) {
        samples.set(label, [...(samples.get(label) ?? []), ms]);
        answers.set(label, result);
      }
    };
    const claimAt = (i: number) => edited[i % edited.length]!;
    // One unmeasured round first: statements are prepared on first use.
    for (let round = -1; round < runs; round++) {
      const i = 3 * (round + 1);
      const measured = (label: string) => (round < 0 ? null : label);
      await step(measured('highlight add'), 'brief:edit', [
        { kind: 'highlight.add', targetKind: 'claim', targetId: claimAt(i).id, start: 0, end: 12, colour: 'yellow', comment: null },
      ]);
      await step(measured('claim edit'), 'brief:edit', [
        { kind: 'claim.update', id: claimAt(i + 1).id, text: `${claimAt(i + 1).editableText} (revised)` },
      ]);
      // Undo takes back a claim edit made just before, unmeasured.
      await step(null, 'brief:edit', [{ kind: 'claim.update', id: claimAt(i + 2).id, text: `${claimAt(i + 2).editableText} (again)` }]);
      await step(measured('undo'), 'history:undo', []);
    }
    log.stop();

    // The same statements, bare: prepared once, each step in one transaction, on the second copy.
    const bare = openStore(bareFile);
    const bareSamples = new Map<string, number[]>();
    try {
      const prepared = new Map<string, Statement>();
      for (const { calls } of steps) for (const { sql } of calls) if (!prepared.has(sql)) prepared.set(sql, bare.prepare(sql));
      for (const { label, calls } of steps) {
        const replay = bare.transaction(() => {
          for (const { sql, method, args } of calls) {
            const statement = prepared.get(sql)! as unknown as Record<Method, (...a: unknown[]) => unknown>;
            const out = statement[method](...args);
            if (method === 'iterate') Array.from(out as Iterable<unknown>);
          }
        });
        const start = performance.now();
        replay();
        if (label) bareSamples.set(label, [...(bareSamples.get(label) ?? []), performance.now() - start]);
      }
      // The replay must have gone through the same states as the app's copy.
      const state = (db: Db) =>
        db
          .prepare(
            'SELECT (SELECT count(*) FROM annotations), (SELECT count(*) FROM row_ancestors), (SELECT count(*) FROM search_index), (SELECT group_concat(changes) FROM edit_history)',
          )
          .raw()
          .get();
      if (JSON.stringify(state(bare)) !== JSON.stringify(state(backend.documents.workspace.db)))
        notes.push('edit latency: the bare replay did not end in the same state as the app; its figures are suspect.');
    } finally {
      bare.close();
    }
    const label = `${items.toLocaleString('en')} items`;
    for (const kase of ['highlight add', 'claim edit', 'undo']) {
      rows.push({
        measure: 'edit (router)',
        case: `${kase}, ${label}`,
        app: summarise(samples.get(kase)!),
        baseline: 'same SQL bare, 1 transaction',
        base: summarise(bareSamples.get(kase)!),
        targetRatio: 2,
        target: '≤ 16 ms and ≤ 2× bare SQL',
        maxMs: 16,
      });
    }

    // The main process with the brief open, after a full collection: the store, the router, their caches.
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    gc();
    const usage = process.memoryUsage();
    const memory = {
      items,
      rssMB: mb(usage.rss),
      heapUsedMB: mb(usage.heapUsed),
      externalMB: mb(usage.external),
      met: usage.rss < 300 * 2 ** 20,
    };
    // Every kind of answer that crosses the bridge, as the router gives it.
    const bridge: [string, unknown][] = [
      [`brief:get (the opening), ${label}`, await invoke('brief:get', [])],
      [`brief:part claims (${LIMITS.part.claims.toLocaleString('en')})`, await invoke('brief:part', ['claims', LIMITS.opening.claims])],
      [`brief:part highlights (${LIMITS.part.highlights.toLocaleString('en')})`, await invoke('brief:part', ['highlights', 0])],
      [`brief:part notes (up to ${LIMITS.part.notes.toLocaleString('en')})`, await invoke('brief:part', ['notes', LIMITS.opening.notes])],
      ['document:state', await invoke('document:state', [])],
      ['app:info', await invoke('app:info', [])],
      ['brief:edit patch, highlight add', answers.get('highlight add')],
      ['brief:edit patch, claim edit', answers.get('claim edit')],
      ['history:undo patch', answers.get('undo')],
      ['search:query, common word', await invoke('search:query', ['rare earth'])],
      ['search:query, rare word', await invoke('search:query', ['lanthanum'])],
      ['merge:conflicts', await invoke('merge:conflicts', [])],
      ['export:defaults', await invoke('export:defaults', [])],
    ];
    const defaults = ((await invoke('export:defaults', [])) as { value: unknown }).value;
    bridge.push([`export:preview, ${label}`, await invoke('export:preview', [defaults])]);
    for (const [kase, answer] of bridge) {
      const bytes = serialize(answer).length;
      // Answers of megabytes take a while each; small ones are timed many times over.
      const times = bytes > 1_000_000 ? runs : runs * 20;
      rows.push({
        measure: 'bridge (v8 clone)',
        case: kase,
        app: await repeat(times, () => deserialize(serialize(answer))),
        baseline: 'JSON stringify + parse',
        base: await repeat(times, () => JSON.parse(JSON.stringify(answer))),
        targetRatio: null,
        target: 'for reference (bytes: v8)',
        bytes,
      });
    }
    bridge.length = 0;
    answers.clear();

    return { rows, memory, notes };
  } finally {
    log.stop();
    backend.close();
  }
}

// `node bench/edits.ts <brief> <items> <work folder> <runs>`: the measure in this process, its result as JSON on stdout.
if (import.meta.main) {
  const [file, items, work, runs] = process.argv.slice(2);
  const result = await editsAndBridge(file!, Number(items), work!, Number(runs));
  process.stdout.write(JSON.stringify(result));
}
