// A brief holding everything an analyst writes, built by hand (not through the store), for the
// export's tests: a bottom line, three key judgments (the third without evidence), graded citations
// and a graded source, claim assessments, notes on the brief, a theme, a claim and an indicator,
// highlights in three colours with comments, an orphaned highlight, and an indicator whose quote
// was edited out of its claim. Test data only.
import type { Brief, Claim, Highlight, Indicator, Note, Observation, Stamped } from '../../common/model.ts';

let counter = 0;
/** A stamped row with a UUID-shaped id that sorts in creation order. */
const row = (author = 'A. Analyst'): Stamped => {
  counter++;
  const n = String(counter).padStart(12, '0');
  return {
    id: `00000000-0000-4000-8000-${n}`,
    createdAt: `2026-01-01T00:00:${String(counter % 60).padStart(2, '0')}Z`,
    updatedAt: '2026-01-01T00:00:00Z',
    author,
  };
};

const claim = (themeId: string, position: number, text: string, markers: number[], extra: Partial<Claim> = {}): Claim => ({
  ...row(),
  themeId,
  sourceId: null,
  position,
  text,
  citations: markers.map((marker, i) => ({ id: `cit-${position}-${i}`, marker, offset: text.length })),
  editableText: `${text}${markers.map((m) => `[${m}]`).join('')}`,
  confidence: null,
  judgement: null,
  translation: null,
  ...extra,
});

const highlight = (target: Claim, quote: string, colour: Highlight['colour'], comment: string | null, found = true): Highlight => {
  const start = target.text.indexOf(quote);
  return {
    ...row(),
    targetKind: 'claim',
    targetId: target.id,
    quote,
    colour,
    comment,
    anchor: found && start >= 0 ? { start, end: start + quote.length } : null,
  };
};

const observation = (
  indicatorId: string,
  position: number,
  value: number,
  display: string,
  asOf: string | null,
  source: Claim,
  quote: string,
): Observation => ({
  ...row(),
  indicatorId,
  position,
  value,
  unit: '%',
  comparator: 'equal',
  asOf,
  asOfNote: asOf ? 'as reported' : 'earlier value; the source gives no date',
  claimId: source.id,
  quote,
  display,
  spoken: display,
  asOfLabel: asOf ? `${asOf} · as reported` : 'earlier value; the source gives no date',
});

const note = (targetKind: Note['targetKind'], targetId: string | null, body: string): Note => ({
  ...row('B. Colleague'),
  targetKind,
  targetId,
  body,
  tags: [],
});

export function analystBrief(): Brief {
  counter = 0;
  const brief = row();
  const source = {
    ...row(),
    titleOriginal: '俄总理返回莫斯科后,普京下令了',
    originalLanguage: 'zh',
    titleTranslation: 'After the prime minister returned to Moscow, Putin gave an order',
    translationNote: 'our translation',
    publisher: 'Sohu Cai Jing',
    publishedText: '2025-11-09 08:00',
    publishedOn: '2025-11-09',
    bodyLanguage: 'en',
    grade: { reliability: 'C' as const, credibility: '3' as const },
    shortName: null,
    provenance: null,
  };
  const t1 = { ...row(), position: 0, label: 'Group 1', title: 'Reserves', sourceId: source.id, claims: [] as Claim[] };
  const t2 = { ...row(), position: 1, label: 'Group 2', title: null, sourceId: source.id, claims: [] as Claim[] };
  const c11 = claim(t1.id, 0, 'Russia holds rare earth reserves of 28 million tons, ranking fifth globally.', [1]);
  const c12 = claim(t1.id, 1, 'Its output is less than 1% of global production.', [19], {
    confidence: 'high',
    judgement: 'Matches the survey figures.',
  });
  const c21 = claim(t2.id, 0, 'Only about 1,200 engineers work in this field.', [1, 19]);
  // Edited since its figures were read: the words "from 55% to 78%" are gone.
  const c22 = claim(t2.id, 1, 'Recycling recovery rates rose sharply.', []);
  t1.claims.push(c11, c12);
  t2.claims.push(c21, c22);

  const i1: Indicator = {
    ...row(),
    position: 0,
    name: 'Rare earth reserves (Russia)',
    unit: 'million tons',
    claimId: c11.id,
    observations: [],
  };
  i1.observations.push({
    ...observation(i1.id, 0, 28, '28 million tons', '2025-11-09', c11, 'reserves of 28 million tons'),
    unit: 'million tons',
  });
  const i2: Indicator = { ...row(), position: 1, name: 'Recycling recovery rate', unit: '%', claimId: c22.id, observations: [] };
  i2.observations.push(
    observation(i2.id, 0, 55, '55%', null, c22, 'from 55% to 78%'),
    observation(i2.id, 1, 78, '78%', '2025-11-09', c22, 'from 55% to 78%'),
    observation(i2.id, 2, 90, '90%', '2030-01-01', c22, 'from 55% to 78%'),
  );

  const judgment = (position: number, text: string, extra: Partial<Brief['judgments'][number]>) => ({
    ...row(),
    position,
    text,
    likelihood: null,
    confidence: null,
    evidence: [],
    ...extra,
  });
  const kj1 = judgment(0, 'Russia will remain a minor producer of rare earths through 2030.', {
    likelihood: 'likely',
    confidence: 'moderate',
  });
  kj1.evidence = [
    { ...row(), judgmentId: kj1.id, targetKind: 'claim', targetId: c21.id, stance: 'supports' },
    { ...row(), judgmentId: kj1.id, targetKind: 'claim', targetId: c11.id, stance: 'supports' },
    { ...row(), judgmentId: kj1.id, targetKind: 'indicator', targetId: i1.id, stance: 'supports' },
    { ...row(), judgmentId: kj1.id, targetKind: 'claim', targetId: c22.id, stance: 'undercuts' },
  ];
  const kj2 = judgment(1, 'Output will not double before 2028.', { likelihood: 'very-likely' });
  kj2.evidence = [{ ...row(), judgmentId: kj2.id, targetKind: 'claim', targetId: c12.id, stance: 'supports' }];
  const kj3 = judgment(2, 'Beijing will tighten export controls again.', { confidence: 'low' });

  return {
    ...brief,
    title: 'Russia’s rare earth ambitions',
    bottomLine: 'Russia cannot cut its dependence on China before 2030.\nIts reserves are large but barely worked.',
    judgments: [kj1, kj2, kj3],
    citationGrades: [
      { ...row(), sourceId: source.id, marker: 1, reliability: 'B', credibility: '2' },
      { ...row(), sourceId: source.id, marker: 19, reliability: 'A', credibility: null },
    ],
    exportSettings: null,
    sources: [source],
    themes: [t1, t2],
    indicators: [i1, i2],
    highlights: [
      highlight(c11, '28 million tons', 'yellow', 'The key figure.'),
      highlight(c12, 'less than 1%', 'red', 'Check against the survey.'),
      highlight(c21, '1,200 engineers', 'green', null),
      highlight(c22, 'from 55% to 78%', 'blue', 'Gone after the edit.', false),
    ],
    notes: [
      note('brief', null, '**Caveat**: the figures come from one source.\n\n![chart of output](https://example.org/output.png)'),
      note('theme', t1.id, 'Reserves are *proven* reserves.'),
      note('claim', c12.id, 'See [the survey](https://example.org/survey) for the method.'),
      note('indicator', i1.id, 'Watch the 2026 survey.'),
    ],
    palette: [
      { colour: 'yellow', meaning: 'Key fact' },
      { colour: 'green', meaning: 'Supports' },
      { colour: 'red', meaning: 'Doubtful' },
      { colour: 'blue', meaning: 'Follow up' },
    ],
    dismissedFigures: [],
  };
}
