import assert from 'node:assert/strict';
import { test } from 'node:test';
import { chartSeries, describeChart, epochDay, tickLabel, type ChartObservation } from './chart.ts';

const value = (v: number, asOf: string | null): ChartObservation => ({ value: v, display: `${v}%`, asOf });

test('values are placed by their dates: two years apart is ten times as far as two months', () => {
  const chart = describeChart([value(10, '2020-01-01'), value(12, '2020-03-01'), value(20, '2022-03-01')], '2026-01-01');
  const [a, b, c] = chart.points.map((p) => p.x);
  assert.equal(b! - a!, 60);
  assert.equal(c! - b!, 730);
  assert.deepEqual(
    chart.ticks.map((t) => t.label),
    ['2020-01-01', '2020-03-01', '2022-03-01'],
  );
  assert.equal(tickLabel(chart, epochDay('2022-03-01')), '2022-03-01');
  assert.ok(chart.xMin < a! && chart.xMax > c!, 'the axis holds every point');
  assert.equal(chart.caption, '10% (2020-01-01) → 12% (2020-03-01) → 20% (2022-03-01)');
});

test('values entered out of date order are drawn in date order; many dates give evenly spaced date labels', () => {
  const chart = describeChart([value(3, '2024-06-01'), value(1, '2023-01-01'), value(2, '2023-06-01')], '2026-01-01');
  assert.deepEqual(
    chart.points.map((p) => p.value),
    [1, 2, 3],
  );
  const many = describeChart(
    Array.from({ length: 12 }, (_, i) => value(i, `2024-${String(i + 1).padStart(2, '0')}-01`)),
    '2026-01-01',
  );
  assert.equal(many.ticks.length, 5);
  assert.equal(many.ticks[0]!.label, '2024-01-01');
  assert.equal(many.ticks.at(-1)!.label, '2024-12-01');
});

test('an undated value is set apart, left of the dated ones, labelled "undated" and never joined to the line', () => {
  const chart = describeChart([value(55, null), value(78, '2025-11-09')], '2026-01-01');
  const [undated, dated] = chart.points;
  assert.equal(undated!.label, 'undated');
  assert.equal(undated!.dated, false);
  assert.ok(undated!.x < dated!.x);
  assert.deepEqual(
    chart.ticks.map((t) => t.label),
    ['undated', '2025-11-09'],
  );
  assert.equal(chart.caption, '55% (undated) → 78% (2025-11-09)');
  const series = chartSeries(chart);
  assert.deepEqual(series.observed, [{ x: dated!.x, y: 78 }]);
  assert.deepEqual(series.undated, [{ x: undated!.x, y: 55 }]);

  const none = describeChart([value(1, null), value(2, null)], '2026-01-01');
  assert.deepEqual(
    none.points.map((p) => [p.x, p.label]),
    [
      [0, 'undated'],
      [1, 'undated'],
    ],
  );
  assert.deepEqual(chartSeries(none).observed, []);
});

test('a value dated after today is a projection: labelled so, and drawn dashed on from the last observed value', () => {
  const chart = describeChart([value(55, '2024-01-01'), value(78, '2025-11-09'), value(90, '2030-01-01')], '2026-11-28');
  assert.deepEqual(
    chart.points.map((p) => [p.label, p.projection]),
    [
      ['2024-01-01', false],
      ['2025-11-09', false],
      ['2030-01-01, projection', true],
    ],
  );
  const series = chartSeries(chart);
  assert.deepEqual(
    series.observed.map((p) => p.y),
    [55, 78],
  );
  assert.deepEqual(
    series.projected.map((p) => p.y),
    [78, 90],
    'the dashed line starts at the last observed value',
  );
  assert.equal(chart.caption, '55% (2024-01-01) → 78% (2025-11-09) → 90% (2030-01-01, projection)');
  assert.deepEqual(
    chart.ticks.map((t) => t.label),
    ['2024-01-01', '2025-11-09', '2030-01-01, projection'],
  );
  assert.equal(describeChart([value(1, '2026-11-28')], '2026-11-28').points[0]!.projection, false, 'today is not the future');
});
