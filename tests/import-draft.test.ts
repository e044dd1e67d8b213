import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { SourcePreview } from '../common/ipc/contract.ts';
import {
  canMergeWithNext,
  countDraft,
  describeCounts,
  describeProvenance,
  draftFromPreview,
  firstSentenceEnd,
  mergeWithNext,
  removeClaim,
  renameTheme,
  sourceAddEdit,
  splitClaim,
  splitPoint,
  type DraftTheme,
} from '../renderer/src/lib/import-draft.ts';

// The import preview's adjustments (renderer/src/lib/import-draft.ts): what the analyst does to a
// source read for import before adding it. Every claim keeps its citation markers with the words
// they follow through a merge or a split, and what is added is exactly what the preview shows.

const PREVIEW: SourcePreview = {
  receipt: '6f1c1f8e-5d0a-4a8e-9b1e-2f4f5c7d8e9a',
  provenance: { fileName: 'magnets.md', size: 1536, sha256: 'ab'.repeat(32), format: 'markdown', importedAt: '2026-03-14T09:30:00.000Z' },
  source: {
    headline: 'Magnet plants',
    headlineLanguage: 'en',
    publisher: null,
    publishedOn: null,
    warnings: [],
    themes: [
      {
        heading: 'Output',
        claims: [
          { text: 'Output will reach 5,000 tons by 2030. Two plants are planned.', citations: [1, 4, 2], citationOffsets: [36, 36, 60] },
          { text: 'Exports fell.', citations: [3], citationOffsets: [12] },
        ],
      },
      { heading: 'Risks', claims: [{ text: 'Power is short.', citations: [], citationOffsets: [] }] },
    ],
  },
};

const texts = (themes: readonly DraftTheme[]) =>
  themes.map((theme): [string, string[]] => [theme.heading, theme.claims.map((claim) => claim.text)]);

test('the draft shows each claim with its markers where they stood, and a short name from the file when there is no publisher', () => {
  const draft = draftFromPreview(PREVIEW);
  assert.deepEqual(texts(draft.themes), [
    ['Output', ['Output will reach 5,000 tons by 2030 [1][4]. Two plants are planned [2].', 'Exports fell [3].']],
    ['Risks', ['Power is short.']],
  ]);
  assert.equal(draft.shortName, 'magnets');
  assert.equal(draftFromPreview({ ...PREVIEW, source: { ...PREVIEW.source, publisher: 'Example Review' } }).shortName, 'Example Review');
  assert.equal(describeCounts(countDraft(draft.themes)), '2 themes, 3 claims, 4 citations');
  assert.deepEqual(describeProvenance(PREVIEW), { fileName: 'magnets.md', format: 'Markdown', size: '1.5 KB', sha256: 'abababababab' });
});

test('Merge with next joins two claims of a theme with a space, markers kept; the last claim of a theme has no next', () => {
  const { themes } = draftFromPreview(PREVIEW);
  const merged = mergeWithNext(themes, { theme: 0, claim: 0 });
  assert.deepEqual(texts(merged)[0], [
    'Output',
    ['Output will reach 5,000 tons by 2030 [1][4]. Two plants are planned [2]. Exports fell [3].'],
  ]);
  assert.equal(merged[0]!.claims[0]!.key, themes[0]!.claims[0]!.key, 'the merged claim keeps its place (and its textarea)');
  assert.equal(canMergeWithNext(themes, { theme: 0, claim: 1 }), false, 'merging never crosses a heading');
  assert.deepEqual(texts(mergeWithNext(themes, { theme: 0, claim: 1 })), texts(themes));
  assert.deepEqual(texts(themes)[0], [
    'Output',
    ['Output will reach 5,000 tons by 2030 [1][4]. Two plants are planned [2].', 'Exports fell [3].'],
  ]);
});

test('Split cuts at the caret inside the words, else after the first sentence with its markers; never inside a marker', () => {
  const { themes } = draftFromPreview(PREVIEW);
  const first = { theme: 0, claim: 0 };
  assert.deepEqual(texts(splitClaim(themes, first, null))[0]![1], [
    'Output will reach 5,000 tons by 2030 [1][4].',
    'Two plants are planned [2].',
    'Exports fell [3].',
  ]);
  assert.deepEqual(texts(splitClaim(themes, first, 'Output will reach'.length))[0]![1], [
    'Output will reach',
    '5,000 tons by 2030 [1][4]. Two plants are planned [2].',
    'Exports fell [3].',
  ]);
  const insideMarker = 'Output will reach 5,000 tons by 2030 [1'.length;
  assert.deepEqual(texts(splitClaim(themes, first, insideMarker))[0]![1].slice(0, 2), [
    'Output will reach 5,000 tons by 2030 [1]',
    '[4]. Two plants are planned [2].',
  ]);
  // A caret at either end splits nothing there: the first sentence end is used instead.
  assert.equal(splitPoint('One. Two.', 0), 4);
  assert.equal(splitPoint('One. Two.', 9), 4);
  assert.equal(splitPoint('One sentence only [3].', null), null);
  assert.deepEqual(texts(splitClaim(themes, { theme: 0, claim: 1 }, null)), texts(themes), 'one sentence and no caret: unchanged');
  assert.equal(firstSentenceEnd('It rose 5.5% in 2024. [7] Then it fell.'), 'It rose 5.5% in 2024. [7]'.length);
  assert.equal(firstSentenceEnd('产量增长。出口下降。'), 5);
});

test('Remove takes one claim out; a theme left empty is not sent, and the edit carries what the preview shows', () => {
  const draft = draftFromPreview(PREVIEW);
  const themes = removeClaim(renameTheme(draft.themes, 1, 'Supply risks'), { theme: 1, claim: 0 });
  assert.deepEqual(texts(themes)[1], ['Supply risks', []]);
  assert.equal(describeCounts(countDraft(themes)), '1 theme, 2 claims, 4 citations');
  const edit = sourceAddEdit(PREVIEW, { ...draft, themes, titleTranslation: '  ', shortName: ' Magnets ', headline: ' Magnet plants ' });
  assert.deepEqual(edit, {
    kind: 'source.add',
    receipt: PREVIEW.receipt,
    provenance: PREVIEW.provenance,
    headline: 'Magnet plants',
    headlineLanguage: 'en',
    titleTranslation: null,
    shortName: 'Magnets',
    publisher: '',
    publishedOn: null,
    themes: [
      { heading: 'Output', claims: ['Output will reach 5,000 tons by 2030 [1][4]. Two plants are planned [2].', 'Exports fell [3].'] },
    ],
  });
});
