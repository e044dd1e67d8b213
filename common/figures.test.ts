import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findFigures, type FigureCandidate } from './figures.ts';

/** The candidates as [kind, quote, value, unit, comparator], checking on the way that each quote is the claim's own words. */
function figures(text: string): [FigureCandidate['kind'], string, FigureCandidate['value'], string, FigureCandidate['comparator']][] {
  return findFigures(text).map((figure) => {
    assert.equal(text.slice(figure.start, figure.end), figure.quote, `"${figure.quote}" is where it says it is`);
    return [figure.kind, figure.quote, figure.value, figure.unit, figure.comparator];
  });
}

test('quantities are read with their scale, unit and currency, and a comparator before them', () => {
  assert.deepEqual(figures('Russia possesses substantial rare earth reserves of 28 million tons.'), [
    ['quantity', '28 million tons', 28, 'million tons', 'equal'],
  ]);
  assert.deepEqual(figures('The fund holds $3.5 billion, and some 40 reactors run on 2 GW.'), [
    ['quantity', '$3.5 billion', 3.5, 'billion $', 'equal'],
    ['quantity', 'some 40 reactors', 40, 'reactors', 'about'],
    ['quantity', '2 GW', 2, 'GW', 'equal'],
  ]);
  assert.deepEqual(figures('with only about 1,200 engineers currently working in this field'), [
    ['quantity', 'about 1,200 engineers', 1200, 'engineers', 'about'],
  ]);
  assert.deepEqual(figures('hindered by three main challenges: technology and funding'), [
    ['quantity', 'three main challenges', 3, 'challenges', 'equal'],
  ]);
});

test('percentages, ranks, counts, ranges, durations and target years are each their own kind', () => {
  assert.deepEqual(figures('extracts 2% of its reserves, with less than 1% of global production and more than 40 percent of exports'), [
    ['percentage', '2%', 2, '%', 'equal'],
    ['percentage', 'less than 1%', 1, '%', 'less-than'],
    ['percentage', 'more than 40 percent', 40, '%', 'more-than'],
  ]);
  assert.deepEqual(figures('ranking fifth globally; it ranked 3rd in 2024, ranks first, and is the third-largest producer'), [
    ['rank', 'ranking fifth globally', 5, 'rank', 'rank'],
    ['rank', 'ranked 3rd', 3, 'rank', 'rank'],
    ['rank', 'ranks first', 1, 'rank', 'rank'],
    ['rank', 'third-largest', 3, 'rank', 'rank'],
  ]);
  assert.deepEqual(figures('Only 12 of 30 regions and three out of five mines report.'), [
    ['count', '12 of 30 regions', 12, 'of 30 regions', 'equal'],
    ['count', 'three out of five mines', 3, 'of five mines', 'equal'],
  ]);
  assert.deepEqual(figures('recovery rates rose from 55% to 78%, reserves are 55% to 60% mapped, between 10 and 20 million tons remain'), [
    ['range', 'from 55% to 78%', [55, 78], '%', 'equal'],
    ['range', '55% to 60%', [55, 60], '%', 'equal'],
    ['range', 'between 10 and 20 million tons', [10, 20], 'million tons', 'equal'],
  ]);
  assert.deepEqual(figures('The payback takes 10 years, a mine 18 months, and over five years a 10-year plan runs.'), [
    ['duration', '10 years', 10, 'years', 'equal'],
    ['duration', '18 months', 18, 'months', 'equal'],
    ['duration', 'five years', 5, 'years', 'equal'],
    ['duration', '10-year', 10, 'years', 'equal'],
  ]);
  assert.deepEqual(figures('The ministry plans a refinery by 2030 and a second one in 2027.'), [
    ['target-year', 'by 2030', 2030, 'year', 'equal'],
    ['target-year', 'in 2027', 2027, 'year', 'equal'],
  ]);
});

test('what is not a figure is not offered', () => {
  for (const text of [
    'The core viewpoint highlights the need for a roadmap [1][19]',
    'Published 2025-11-09 07:03, on 9 November 2025 and on November 9, 2025',
    '2.1 Reserves and funding',
    '1. The first step is a permit, the second step a licence',
    'Group 2 - COVID-19 slowed the G20 and the Su-57 programme',
    'A year like 2019 or a period from 2020 to 2025 is a date, not a figure',
    'Two, three, or 5 on their own have no unit',
    'Section 2.1 of the law, and one of the largest producers',
  ]) {
    assert.deepEqual(figures(text), [], text);
  }
  // "in 2019" with nothing planned is a date; a year is a target only when something is planned for it.
  assert.deepEqual(figures('Output fell in 2019.'), []);
});

test('two figures side by side stay two, and a figure is found once', () => {
  assert.deepEqual(figures('2% and 3 engineers'), [
    ['percentage', '2%', 2, '%', 'equal'],
    ['quantity', '3 engineers', 3, 'engineers', 'equal'],
  ]);
  const range = findFigures('from 55% to 78%');
  assert.equal(range.length, 1, 'the ends of a range are not offered again on their own');
});
