import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportDocument } from '../../../common/export-document.ts';
import type { StoreError } from '../../../common/errors.ts';
import type { DrawJob, PrintJob } from '../../../common/ipc/contract.ts';
import { PART_ITEMS, PrintJobs } from './print-jobs.ts';

// The print view's side of printing: one loaded view draws job after job. A job is handed to the
// view that asks, whenever it asks; only a job handed over can be said drawn, and only once.

const doc = (title: string) => ({ title }) as ExportDocument;
/** The job as a drawing (not a section's showing), or the test fails. */
const asDraw = (job: PrintJob): DrawJob => {
  assert.equal(job.kind, 'draw');
  return job as DrawJob;
};
const refused = (error: StoreError) => error.code === 'out-of-turn';

test('a job waits for the view to ask, a view waits for a job, and each job is drawn once in order', async () => {
  const jobs = new PrintJobs();
  const asked = jobs.next();
  const first = jobs.draw(doc('First'), { predictPages: true });
  assert.equal(asDraw(await asked).document.title, 'First', 'the view that asked first gets the job');
  assert.deepEqual(asDraw(await asked).predictPages, true);
  jobs.ready(null, { 'section-1': 3 });
  assert.deepEqual(await first, { snapshot: null, pages: new Map([['section-1', 3]]), sections: null });
  assert.throws(() => jobs.ready(null), refused, 'a job is said drawn once');

  const second = jobs.draw(doc('Second'), { pagesOnly: true, wantSnapshot: true });
  const job = asDraw(await jobs.next());
  assert.deepEqual([job.document.title, job.pagesOnly, job.wantSnapshot, job.predictPages], ['Second', true, true, false]);
  jobs.failed('each_key_duplicate');
  await assert.rejects(second, (error: StoreError) => error.code === 'save-failed' && /each_key_duplicate/.test(error.message));
});

test('nothing handed over cannot be said drawn; a closed view’s request is dropped; a stopped print ignores a late word', async () => {
  const jobs = new PrintJobs();
  assert.throws(() => jobs.ready('<html>forged</html>'), refused);
  const drawing = jobs.draw(doc('Waiting'));
  assert.throws(() => jobs.ready('<html>forged</html>'), refused, 'not before the view has taken it');

  // The view takes the waiting job, then asks for its next one while it draws.
  assert.equal(asDraw(await jobs.next()).document.title, 'Waiting');
  const asking = jobs.next();
  jobs.cancel();
  await assert.rejects(drawing, refused);
  assert.throws(() => jobs.ready(null), refused, 'a word after the print was stopped is not taken');
  // Its page is closed: the request it left waiting is refused, and never takes the next export's job.
  jobs.dropAsking();
  await assert.rejects(asking, refused);
  const next = jobs.draw(doc('Next'));
  const fresh = jobs.next();
  assert.equal(asDraw(await fresh).document.title, 'Next', 'the next view to ask gets it');
  jobs.ready(null);
  assert.deepEqual(await next, { snapshot: null, pages: null, sections: null });
});

test('a long document’s sections are shown one at a time after it is drawn, and its cut is handed back', async () => {
  const jobs = new PrintJobs();
  const drawing = jobs.draw(doc('Long'), { sectionPages: 80 });
  const job = asDraw(await jobs.next());
  assert.equal(job.sectionPages, 80);
  assert.equal(job.partItems, PART_ITEMS, 'drawn a part at a time unless told otherwise');
  jobs.ready(null, null, { count: 3, contents: [0] });
  assert.deepEqual((await drawing).sections, { count: 3, contents: [0] });
  const showing = jobs.show(2);
  assert.deepEqual(await jobs.next(), { kind: 'section', index: 2 });
  jobs.ready(null);
  await showing;
  const failing = jobs.show(5);
  await jobs.next();
  jobs.failed('there is no print section 6');
  await assert.rejects(failing, (error: StoreError) => /print section 6/.test(error.message));
});

test('a drawing asked for again while the view holds it is not drawn twice; once the view did anything else, or closed, it is', async () => {
  const jobs = new PrintJobs();
  const drawn: string[] = [];
  // The print view: takes each job, and answers it after a moment (it is still drawing when asked again).
  let open = true;
  const view = (async () => {
    while (open) {
      const job = await jobs.next().catch(() => null);
      if (!job) return;
      drawn.push(job.kind === 'draw' ? job.document.title : `section ${job.index + 1}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      jobs.ready(null, null, job.kind === 'draw' && job.sectionPages > 0 ? { count: 2, contents: [0] } : null);
    }
  })();
  const ahead = jobs.draw(doc('Brief'), { predictPages: true, sectionPages: 80 });
  const asked = jobs.draw(doc('Brief'), { predictPages: true, sectionPages: 80 });
  assert.equal(asked, ahead, 'asked again while it is being drawn: the same drawing');
  await asked;
  assert.equal(await jobs.draw(doc('Brief'), { predictPages: true, sectionPages: 80 }), await ahead, 'asked again once drawn: the same');
  assert.deepEqual(drawn, ['Brief']);

  // Anything else asked for: another document, other settings, a section shown.
  await jobs.draw(doc('Brief'), { predictPages: false, sectionPages: 80 });
  await jobs.draw(doc('Other'), { predictPages: false, sectionPages: 80 });
  await jobs.show(1);
  await jobs.draw(doc('Other'), { predictPages: false, sectionPages: 80 });
  assert.deepEqual(drawn, ['Brief', 'Brief', 'Other', 'section 2', 'Other']);

  // The print stopped, or the view closed: drawn again.
  jobs.cancel();
  await jobs.draw(doc('Other'), { predictPages: false, sectionPages: 80 });
  jobs.dropAsking();
  const again = jobs.draw(doc('Other'), { predictPages: false, sectionPages: 80 });
  const lateView = jobs.next();
  assert.equal(asDraw(await lateView).document.title, 'Other', 'a closed view’s drawing is given to the next view');
  jobs.ready(null);
  await again;
  open = false;
  jobs.dropAsking();
  await view;
  assert.deepEqual(drawn, ['Brief', 'Brief', 'Other', 'section 2', 'Other', 'Other']);
});

test('a drawing that failed is drawn afresh when asked again', async () => {
  const jobs = new PrintJobs();
  const first = jobs.draw(doc('Brief'));
  await jobs.next();
  jobs.failed('out of memory');
  await assert.rejects(first, /out of memory/);
  const second = jobs.draw(doc('Brief'));
  assert.notEqual(second, first);
  assert.equal(asDraw(await jobs.next()).document.title, 'Brief', 'handed to the view again');
  jobs.ready(null);
  await second;
});
