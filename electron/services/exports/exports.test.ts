import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { StoreError } from '../../../common/errors.ts';
import { NODE_RECEIVE_WORKER } from '../../../db/receive/index.ts';
import { sha256, tempDir } from '../../../db/test-support/index.ts';
import { DocumentSession, ScriptedDialogs } from '../documents/index.ts';
import { ExportService } from './exports.ts';
import type { Printer } from './print-page.ts';
import { withTimeLimit } from './print-layout.ts';

// Exports never lie: a print view that fails, or a print that never ends, is a failed export with
// a sentence and no file; and an export never writes over the brief it comes from.
function exportsWith(t: Parameters<typeof tempDir>[0], printer: (service: () => ExportService) => Printer, timeLimitMs?: number) {
  const dir = tempDir(t);
  const dialogs = new ScriptedDialogs();
  const documents = new DocumentSession({ userData: dir, author: () => 'me', dialogs, receiveWorker: NODE_RECEIVE_WORKER });
  t.after(() => documents.close());
  const service: ExportService = new ExportService({
    documents,
    dialogs,
    printer: printer(() => service),
    author: () => 'me',
    emit: () => {},
    ...(timeLimitMs === undefined ? {} : { timeLimitMs: () => timeLimitMs }),
  });
  return { dir, dialogs, documents, service };
}

/** A stand-in print view's page: `draws` says whether its view answers the jobs it takes, `drawMs` how long each takes. */
function standInPage(service: () => ExportService, { draws = true, drawMs = 0 } = {}) {
  const gone = Promise.withResolvers<void>();
  const page = {
    closed: false,
    drew: [] as string[],
    gone: gone.promise,
    isGone: () => page.closed,
    stop: () => ((page.closed = true), gone.resolve()),
    close: async () => page.stop(),
    pdf: async () => new Uint8Array([37, 80, 68, 70]),
    collectGarbage: async () => {},
  };
  // The print view: asks for a job, draws it, says so, asks again, until its page is closed.
  void (async () => {
    while (!page.closed) {
      const job = await service()
        .printDocument()
        .catch(() => null);
      if (!job) return;
      page.drew.push(job.kind === 'draw' ? job.document.title : `section ${job.index + 1}`);
      if (drawMs > 0) await new Promise((resolve) => setTimeout(resolve, drawMs));
      // A view whose job was taken from it while it drew is told so (main.ts then asks for the next).
      if (draws) {
        try {
          service().printReady('<!doctype html><html><body><p>drawn</p></body></html>', null, null);
        } catch {
          continue;
        }
      }
    }
  })();
  return page;
}

const options = (service: ExportService) => service.defaults();

test('a print view that cannot draw the brief fails the export with its reason, and writes no file', async (t) => {
  const { dir, dialogs, service } = exportsWith(t, (service) => ({
    async open() {
      // The print view asks for its document, then reports that drawing it failed.
      void service()
        .printDocument()
        .then(() => service().printFailed('each_key_duplicate'));
      return {
        pdf: async () => new Uint8Array([1, 2, 3]),
        collectGarbage: async () => {},
        close: async () => {},
        gone: new Promise<void>(() => {}),
        isGone: () => false,
      };
    },
  }));
  for (const format of ['pdf', 'html'] as const) {
    const target = join(dir, `brief.${format}`);
    dialogs.answerNext(target);
    await assert.rejects(
      service.run(format, options(service)),
      (error: StoreError) =>
        error.code === 'save-failed' && /could not be prepared for printing \(each_key_duplicate\)/.test(error.message),
    );
    assert.equal(existsSync(target), false, `no ${format} written`);
  }
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.endsWith('.part')),
    [],
  );
});

test('a print that never finishes is stopped at the time limit: its page is closed, nothing is written, and the next export runs', async (t) => {
  const pages: ReturnType<typeof standInPage>[] = [];
  const { dir, dialogs, service } = exportsWith(
    t,
    (service) => ({ open: async () => (pages.push(standInPage(service, { draws: pages.length > 0 })), pages.at(-1)!) }),
    50,
  );
  const target = join(dir, 'brief.pdf');
  dialogs.answerNext(target);
  await assert.rejects(service.run('pdf', options(service)), (error: StoreError) => error.code === 'too-slow');
  assert.equal(pages[0]!.closed, true, 'the page that never drew is closed');
  assert.equal(existsSync(target), false);
  dialogs.answerNext(target);
  assert.equal((await service.run('pdf', options(service)))?.path, target, 'not left busy: the next export prints');
  assert.equal(pages.length, 2);
  assert.equal(await withTimeLimit(Promise.resolve('done'), 1_000, 'never'), 'done');
});

test('a print view that stops (its renderer crashed) fails the export at once, and a warm one that died is replaced', async (t) => {
  const pages: ReturnType<typeof standInPage>[] = [];
  const { dir, dialogs, service } = exportsWith(t, (service) => ({
    open: async () => (pages.push(standInPage(service, { draws: pages.length !== 1 })), pages.at(-1)!),
  }));
  // The composer's warm view dies while the user reads the preview: the export loads a fresh one.
  await service.warm(true);
  pages[0]!.stop();
  dialogs.answerNext(join(dir, 'a.pdf'));
  const started = performance.now();
  // The fresh one (pages[1]) takes the job and its renderer dies before it draws.
  const failing = service.run('pdf', options(service));
  await new Promise((resolve) => setTimeout(resolve, 20));
  pages[1]!.stop();
  await assert.rejects(failing, (error: StoreError) => error.code === 'save-failed' && /print view stopped/.test(error.message));
  assert.ok(performance.now() - started < 60_000, 'long before the time limit');
  assert.equal(pages[1]!.drew.length, 1, 'the fresh view had taken the job');
  dialogs.answerNext(join(dir, 'b.pdf'));
  assert.equal((await service.run('pdf', options(service)))?.path, join(dir, 'b.pdf'));
  await service.warm(false);
});

test('a warm print view that could not be loaded is not kept: the export loads its own', async (t) => {
  let opens = 0;
  const { dir, dialogs, service } = exportsWith(t, (service) => ({
    open: async () => {
      if (opens++ === 0) throw new Error('the print page could not be loaded');
      return standInPage(service);
    },
  }));
  await service.warm(true);
  await new Promise((resolve) => setTimeout(resolve, 10));
  dialogs.answerNext(join(dir, 'brief.pdf'));
  assert.equal((await service.run('pdf', options(service)))?.path, join(dir, 'brief.pdf'));
  await service.warm(false);
});

test('an export is never written over the open brief or its working copy', async (t) => {
  const { dir, dialogs, documents, service } = exportsWith(t, () => ({
    open: () => Promise.reject(new Error('only Markdown is written in this test')),
  }));
  const saved = join(dir, 'brief.sqlite');
  dialogs.answerNext(saved);
  await documents.saveAs();
  const before = sha256(saved);
  for (const target of [saved, documents.workspace.db.name]) {
    dialogs.answerNext(target);
    await assert.rejects(
      service.run('md', options(service)),
      (error: StoreError) => error.code === 'exists' && /write the Markdown export to a file of its own/.test(error.message),
    );
  }
  assert.equal(sha256(saved), before, 'the saved brief is unchanged');
  const markdown = join(dir, 'brief.md');
  dialogs.answerNext(markdown);
  assert.equal((await service.run('md', options(service)))?.path, markdown);
});

test('a second export asked for while the first one’s dialog is open is refused as busy, and the first still runs', async (t) => {
  const { dir, dialogs, service } = exportsWith(t, () => ({
    open: () => Promise.reject(new Error('only Markdown is written in this test')),
  }));
  const target = join(dir, 'first.md');
  dialogs.answerNext(target);
  const first = service.run('md', options(service));
  await assert.rejects(service.run('md', options(service)), (error: StoreError) => error.code === 'busy');
  assert.equal((await first)?.path, target);
  assert.equal(existsSync(target), true);
});

test('while the composer is open a print view waits loaded: the export draws in it at once, and a fresh one waits after', async (t) => {
  const pages: ReturnType<typeof standInPage>[] = [];
  const { dir, dialogs, service } = exportsWith(t, (service) => ({ open: async () => (pages.push(standInPage(service)), pages.at(-1)!) }));
  await service.warm(true);
  assert.equal(pages.length, 1, 'the composer opening loads one print view');
  for (const [n, format] of (['pdf', 'html'] as const).entries()) {
    dialogs.answerNext(join(dir, `brief.${format}`));
    await service.run(format, { ...options(service), title: `Export ${n + 1}` });
    assert.deepEqual(pages[n]!.drew, [`Export ${n + 1}`], 'the export drew in the view loaded before it');
    assert.equal(pages[n]!.closed, true, 'and closed it after');
    assert.equal(pages.length, n + 2, 'a fresh view waits for the next export');
  }
  await service.warm(false);
  assert.equal(pages.at(-1)!.closed, true, 'closing the composer closes the waiting view');
  dialogs.answerNext(join(dir, 'cold.pdf'));
  await service.run('pdf', options(service));
  assert.equal(pages.length, 4, 'with the composer closed, an export loads its own view');
  assert.equal(pages.at(-1)!.closed, true);
});

test('the composer’s print view draws what it previews: an export of it only prints, anything else is drawn for the export', async (t) => {
  const pages: ReturnType<typeof standInPage>[] = [];
  const { dir, dialogs, documents, service } = exportsWith(t, (service) => ({
    open: async () => (pages.push(standInPage(service)), pages.at(-1)!),
  }));
  const rest = () => new Promise((resolve) => setTimeout(resolve, 400)); // Past the settings' rest before a draw ahead.
  const previewed = { ...options(service), title: 'Previewed' };
  service.preview(previewed);
  assert.equal(pages.length, 0, 'no print view while the composer is closed');
  await service.warm(true);
  await rest();
  assert.deepEqual(pages[0]!.drew, ['Previewed'], 'the composer’s view draws the brief it previews');

  dialogs.answerNext(join(dir, 'a.pdf'));
  assert.equal((await service.run('pdf', previewed))?.path, join(dir, 'a.pdf'));
  assert.deepEqual(pages[0]!.drew, ['Previewed'], 'the export printed that drawing, not a second one');
  await rest();
  assert.deepEqual(pages[1]!.drew, ['Previewed'], 'the fresh view draws it again for the next export');

  // The brief changed after the preview: the export draws what it prints.
  documents.edit({ kind: 'brief.bottomLine', text: 'A bottom line written after the preview' });
  dialogs.answerNext(join(dir, 'b.pdf'));
  await service.run('pdf', previewed);
  assert.equal(pages[1]!.drew.length, 2, 'drawn again for the export');

  // Settings changed in quick succession: the first is drawn at once, the last once they rest, none between.
  await rest();
  pages[2]!.drew.length = 0;
  for (const title of ['T', 'Ti', 'Tit']) {
    service.preview({ ...previewed, title });
    await new Promise((resolve) => setTimeout(resolve, 20)); // Typed a moment apart.
  }
  await rest();
  assert.deepEqual(pages[2]!.drew, ['T', 'Tit']);
  // An HTML export draws its own (it asks for the page as one file).
  dialogs.answerNext(join(dir, 'c.html'));
  await service.run('html', { ...previewed, title: 'Tit' });
  assert.deepEqual(pages[2]!.drew, ['T', 'Tit', 'Tit']);

  // The composer closed: nothing drawn ahead, and a preview draws nothing.
  await service.warm(false);
  service.preview(previewed);
  await rest();
  assert.equal(pages.length, 4);
  assert.equal(pages[3]!.closed, true);
});

test('an export while the composer’s view still draws: of the same, it waits for that drawing; of other settings, it then draws its own', async (t) => {
  const pages: ReturnType<typeof standInPage>[] = [];
  const { dir, dialogs, service } = exportsWith(t, (service) => ({
    open: async () => (pages.push(standInPage(service, { drawMs: 150 })), pages.at(-1)!),
  }));
  const previewed = { ...options(service), title: 'Previewed' };
  await service.warm(true);
  service.preview(previewed);
  await new Promise((resolve) => setTimeout(resolve, 20)); // The view has begun drawing it.
  assert.deepEqual(pages[0]!.drew, ['Previewed']);
  // A Markdown export meanwhile leaves the drawing alone, and a PDF of the same waits for it.
  dialogs.answerNext(join(dir, 'brief.md'));
  await service.run('md', previewed);
  dialogs.answerNext(join(dir, 'same.pdf'));
  await service.run('pdf', previewed);
  assert.deepEqual(pages[0]!.drew, ['Previewed'], 'drawn once, for the composer and the export');

  // The fresh view draws the previewed settings again; an export of others waits, then draws its own.
  await new Promise((resolve) => setTimeout(resolve, 20));
  assert.deepEqual(pages[1]!.drew, ['Previewed']);
  dialogs.answerNext(join(dir, 'other.pdf'));
  await service.run('pdf', { ...previewed, title: 'Other' });
  assert.deepEqual(pages[1]!.drew, ['Previewed', 'Other'], 'the export’s own document drawn once the view was free');
  await service.warm(false);
});
