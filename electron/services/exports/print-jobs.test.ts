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

test('a drawing made ahead answers the same job while the view holds it; once the view did anything else, or closed, it is drawn again', async () => {
  const jobs = new PrintJobs();
  const drawn: string[] = [];
  // The print view: takes each job, and answers it after a moment (it is still drawing when asked again).
  const view = (async () => {
    for (;;) {
      const job = await jobs.next().catch(() => null);
      if (!job) return;
      drawn.push(job.kind === 'draw' ? job.document.title : `section ${job.index + 1}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      jobs.ready(null, null, job.kind === 'draw' && job.sectionPages > 0 ? { count: 2, contents: [0] } : null);
    }
  })();
  const first = { predictPages: true, sectionPages: 80 };
  const ahead = jobs.draw(doc('Brief'), { ...first, hold: true });
  assert.equal(jobs.draw(doc('Brief'), first), ahead, 'asked for while it is being drawn: the same drawing');
  await ahead;
  assert.equal(jobs.draw(doc('Brief'), first), ahead, 'asked for once drawn: the same');
  assert.deepEqual(drawn, ['Brief']);

  // Anything else asked for (other settings, another document, a section shown) is drawn, and the drawing ahead is let go.
  await jobs.draw(doc('Brief'), { ...first, predictPages: false });
  await jobs.draw(doc('Brief'), first);
  await jobs.draw(doc('Other'), { ...first, hold: true });
  await jobs.show(1);
  await jobs.draw(doc('Other'), first);
  assert.deepEqual(drawn, ['Brief', 'Brief', 'Brief', 'Other', 'section 2', 'Other']);
  // A drawing not made ahead is not held: asked for again, it is drawn again.
  await jobs.draw(doc('Other'), first);
  assert.equal(drawn.length, 7);

  // The print stopped, or the view closed: what it drew ahead is drawn again.
  await jobs.draw(doc('Held'), { ...first, hold: true });
  jobs.cancel();
  await jobs.draw(doc('Held'), first);
  assert.deepEqual(drawn.slice(7), ['Held', 'Held']);
  await jobs.draw(doc('Held'), { ...first, hold: true });
  jobs.dropAsking(); // The view's page closed (its request for the next job refused: it stops).
  await view;
  const again = jobs.draw(doc('Held'), first);
  assert.equal(asDraw(await jobs.next()).document.title, 'Held', 'handed to the next view to ask');
  jobs.ready(null);
  await again;
});

test('a drawing made ahead that failed is drawn afresh when asked for again', async () => {
  const jobs = new PrintJobs();
  const first = jobs.draw(doc('Brief'), { hold: true });
  await jobs.next();
  jobs.failed('out of memory');
  await assert.rejects(first, /out of memory/);
  const second = jobs.draw(doc('Brief'));
  assert.notEqual(second, first);
  assert.equal(asDraw(await jobs.next()).document.title, 'Brief', 'handed to the view again');
  jobs.ready(null);
  await second;
});
