import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ExportDocument } from '../common/export-document.ts';
import { syntheticExport, tempDir, withEveryPart } from '../db/test-support/index.ts';
import { CHART_ITEMS, partsOf } from '../renderer/src/print/parts.ts';

// A long brief is drawn for print a part at a time (renderer/src/print/parts.ts). Put back
// together, the parts must be the document: every claim, note, indicator, reference and highlight
// note once and in order, what begins the brief with the first part only, and no part over its size.
// (hosts/chromium/print-document.test.ts draws a brief both ways and compares the HTML.)

const claimsOf = (doc: ExportDocument) => doc.sections.flatMap((s) => s.claims.map((c) => `${s.anchor} ${c.number}`));
const themeNotesOf = (doc: ExportDocument) => doc.sections.flatMap((s) => s.notes.map((n) => `${s.anchor} ${n.body}`));

test('the parts of a long brief are the brief, each part within its size', (t) => {
  const dir = tempDir(t, 'briefing-parts-');
  const doc = withEveryPart(syntheticExport(dir, { claims: 90, notes: 25, annotations: 60, indicators: 6 }, 'a4'));
  const highlightNotes = doc.annotations!.notes.length;
  assert.ok(highlightNotes > 10 && doc.sections.some((s) => s.notes.length > 0), 'a brief with highlight notes and theme notes');
  assert.ok(doc.charts.length > 2, 'a brief with charts');
  for (const items of [1, 2, 7, 25, 60, 250, 10_000]) {
    const parts = partsOf(doc, items);
    const docs = parts.map((part) => part.doc);
    const at = `parts of ${items}`;
    assert.deepEqual(
      parts.map((part) => part.front),
      parts.map((_, i) => i === 0),
      `${at}: only the first begins the brief`,
    );
    assert.deepEqual(docs.flatMap(claimsOf), claimsOf(doc), `${at}: every claim once, in order`);
    assert.deepEqual(docs.flatMap(themeNotesOf), themeNotesOf(doc), `${at}: every theme's notes once, in order`);
    assert.deepEqual(
      docs.flatMap((d) => d.annotations?.notes ?? []),
      doc.annotations!.notes,
      `${at}: every highlight note once, in order`,
    );
    assert.deepEqual(
      docs.flatMap((d) => d.annotations?.legend ?? []),
      doc.annotations!.legend,
      `${at}: the legend once`,
    );
    assert.deepEqual(
      docs.flatMap((d) => d.annotations?.orphans ?? []),
      doc.annotations!.orphans,
      `${at}: the orphans once`,
    );
    assert.deepEqual(
      docs.flatMap((d) => d.indicators),
      doc.indicators,
      `${at}: the indicators once`,
    );
    assert.deepEqual(
      docs.flatMap((d) => d.charts),
      doc.charts,
      `${at}: the charts once, in order`,
    );
    assert.deepEqual(
      docs.flatMap((d) => d.references),
      doc.references,
      `${at}: the references once`,
    );
    // A theme is in a part at most once (its claims keyed by number in the drawing).
    for (const d of docs) assert.equal(new Set(d.sections.map((s) => s.anchor)).size, d.sections.length, `${at}: a theme once a part`);
    for (const [i, d] of docs.entries()) {
      const held = claimsOf(d).length + (d.annotations?.notes.length ?? 0);
      assert.ok(held <= items, `${at}: part ${i + 1} holds ${held} claims and highlight notes`);
      assert.ok(d.charts.length <= Math.max(1, Math.floor(items / CHART_ITEMS)), `${at}: part ${i + 1} draws ${d.charts.length} charts`);
      assert.ok(
        i === 0 || d.sections.length + d.charts.length + d.references.length + (d.annotations ? 1 : 0) > 0,
        `${at}: part ${i + 1} is not empty`,
      );
    }
    const least = Math.ceil((claimsOf(doc).length + highlightNotes) / items);
    assert.ok(parts.length >= least, `${at}: ${parts.length} parts, at least ${least}`);
  }
});

test('a brief is drawn whole when no part size is given, or a size that is not a count', (t) => {
  const doc = syntheticExport(tempDir(t, 'briefing-parts-'), { claims: 30, notes: 5, annotations: 20, indicators: 5 }, 'letter');
  for (const items of [0, -3, 0.5, Number.NaN]) assert.deepEqual(partsOf(doc, items), [{ doc, front: true }], `parts of ${items}`);
  const empty = { ...doc, empty: true, sections: [] };
  assert.deepEqual(partsOf(empty, 1), [{ doc: empty, front: true }]);
});
