import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Brief } from '../common/model.ts';
import {
  figureGroups,
  figureInContext,
  firstGroups,
  suggestIndicator,
  suggestedName,
  type FigureGroup,
} from '../renderer/src/lib/figure-candidates.ts';
import { findFigures } from '../common/figures.ts';

// The Figures tab's candidates (renderer/src/lib/figure-candidates.ts): every figure of every claim,
// less those dismissed and those an indicator's value already quotes from that claim, by claim
// number; and the Accept form's first values.

const CLAIMS = {
  reserves:
    'Russia possesses substantial rare earth reserves of 28 million tons, ranking fifth globally, but only extracts 2% of its proven reserves',
  engineers: 'Only about 1,200 engineers work in the sector',
  none: 'The ministry has not said when the roadmap will be ready',
  recycling: 'The recycling recovery rate rose from 55% to 78% over 10 years, and output should double by 2030',
};

type BriefFigures = Pick<Brief, 'themes' | 'indicators' | 'dismissedFigures'>;

function brief(over: { dismissed?: [string, string][]; taken?: [string, string][] } = {}): BriefFigures {
  const claim = (id: string, text: string) => ({ id, text, sourceId: 'source-1' });
  return {
    themes: [
      { sourceId: 'source-1', claims: [claim('c-reserves', CLAIMS.reserves), claim('c-engineers', CLAIMS.engineers)] },
      { sourceId: 'source-1', claims: [claim('c-none', CLAIMS.none), claim('c-recycling', CLAIMS.recycling)] },
    ],
    dismissedFigures: (over.dismissed ?? []).map(([claimId, quote]) => ({ claimId, quote })),
    indicators: [{ observations: (over.taken ?? []).map(([claimId, quote]) => ({ claimId, quote })) }],
  } as unknown as BriefFigures;
}

const listed = (groups: Iterable<FigureGroup>) =>
  [...groups].map((group) => [group.claimNumber, group.figures.map((figure) => figure.quote)]);

test('every figure of every claim is offered, by claim number in reading order; a claim without figures is left out', () => {
  assert.deepEqual(listed(figureGroups(brief())), [
    ['1.1', ['28 million tons', 'ranking fifth globally', '2%']],
    ['1.2', ['about 1,200 engineers']],
    ['2.2', ['from 55% to 78%', '10 years', 'by 2030']],
  ]);
});

test('a dismissed figure and one an indicator already quotes from that claim are not offered; the same words of another claim still are', () => {
  const answered = brief({
    dismissed: [['c-reserves', '2%']],
    taken: [
      ['c-engineers', 'about 1,200 engineers'],
      ['c-reserves', '10 years'], // the words of claim 2.2, quoted from another claim: 2.2's stays offered
    ],
  });
  assert.deepEqual(listed(figureGroups(answered)), [
    ['1.1', ['28 million tons', 'ranking fifth globally']],
    ['2.2', ['from 55% to 78%', '10 years', 'by 2030']],
  ]);
  const all = brief({
    dismissed: [
      ['c-reserves', '28 million tons'],
      ['c-reserves', 'ranking fifth globally'],
      ['c-reserves', '2%'],
    ],
    taken: [
      ['c-engineers', 'about 1,200 engineers'],
      ['c-recycling', 'from 55% to 78%'],
      ['c-recycling', '10 years'],
      ['c-recycling', 'by 2030'],
    ],
  });
  assert.deepEqual(listed(figureGroups(all)), []);
});

test('a page of groups says whether more follow', () => {
  assert.deepEqual(
    firstGroups(figureGroups(brief()), 2).groups.map((g) => g.claimNumber),
    ['1.1', '1.2'],
  );
  assert.equal(firstGroups(figureGroups(brief()), 2).more, true);
  assert.equal(firstGroups(figureGroups(brief()), 3).more, false);
});

test('the quote is shown in the claim’s words with a few words either side', () => {
  const [figure] = findFigures(CLAIMS.reserves);
  assert.deepEqual(figureInContext(CLAIMS.reserves, figure!), {
    before: '…substantial rare earth reserves of ',
    quote: '28 million tons',
    after: ', ranking fifth globally, but…',
  });
  const [short] = findFigures(CLAIMS.engineers);
  assert.deepEqual(figureInContext(CLAIMS.engineers, short!), {
    before: 'Only ',
    quote: 'about 1,200 engineers',
    after: ' work in the sector',
  });
});

test('Accept starts from a name in the claim’s words, the value (a range’s upper end), its unit and comparator, and the source’s date', () => {
  const suggest = (text: string, quote: string) =>
    suggestIndicator(
      { claimText: text },
      findFigures(text).find((f) => f.quote === quote)!,
      '2025-11-09',
    );
  assert.deepEqual(suggest(CLAIMS.reserves, '28 million tons'), {
    name: 'Rare earth reserves',
    value: '28',
    unit: 'million tons',
    comparator: 'equal',
    asOf: '2025-11-09',
  });
  // The clause after says more than the unit alone ("engineers"): the analyst edits the name anyway.
  assert.deepEqual(suggest(CLAIMS.engineers, 'about 1,200 engineers'), {
    name: 'Work in the sector',
    value: '1,200',
    unit: 'engineers',
    comparator: 'about',
    asOf: '2025-11-09',
  });
  assert.deepEqual(suggest(CLAIMS.recycling, 'from 55% to 78%'), {
    name: 'Recycling recovery rate',
    value: '78',
    unit: '%',
    comparator: 'equal',
    asOf: '2025-11-09',
  });
  assert.equal(suggest(CLAIMS.recycling, 'by 2030').value, '2030', 'a year is not written 2,030');
  assert.equal(suggest(CLAIMS.reserves, 'ranking fifth globally').comparator, 'rank');
  assert.equal(suggestIndicator({ claimText: CLAIMS.engineers }, findFigures(CLAIMS.engineers)[0]!, null).asOf, '');
  // Nothing around the figure names it: the kind of figure does.
  assert.equal(suggestedName('10 years.', findFigures('10 years.')[0]!), 'Duration');
});
