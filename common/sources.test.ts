import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationLabel, citedSourceId, describeProvenance, namesNeeded, sourceName, sourceNames } from './sources.ts';

const source = (over: Partial<{ id: string; shortName: string | null; publisher: string; titleOriginal: string }> = {}) => ({
  id: 's1',
  shortName: null,
  publisher: 'Sohu Cai Jing',
  titleOriginal: '俄总理返回莫斯科后,普京下令了',
  ...over,
});

test('a claim cites its own source, else its theme’s, else the brief’s first', () => {
  const sources = [{ id: 'first' }, { id: 'second' }];
  assert.equal(citedSourceId({ sourceId: 'second' }, { sourceId: 'first' }, sources), 'second');
  assert.equal(citedSourceId({ sourceId: null }, { sourceId: 'second' }, sources), 'second');
  assert.equal(citedSourceId({ sourceId: null }, { sourceId: null }, sources), 'first');
  assert.equal(citedSourceId({ sourceId: null }, undefined, []), null);
});

test('a source is named by its short name, else its publisher, else the start of its headline', () => {
  assert.equal(sourceName(source({ shortName: 'Sohu' })), 'Sohu');
  assert.equal(sourceName(source({ shortName: '  ' })), 'Sohu Cai Jing');
  assert.equal(
    sourceName(source({ publisher: '', titleOriginal: 'Rare earth magnets: the road to 2030 and beyond' })),
    'Rare earth magnets: the…',
  );
  assert.equal(sourceName(source({ publisher: '', titleOriginal: '' })), 'Source');
});

test('numbers carry their source’s name only once a brief holds two sources', () => {
  assert.equal(namesNeeded([1]), false);
  assert.equal(namesNeeded([1, 2]), true);
  assert.equal(citationLabel(19, null), '[19]');
  assert.equal(citationLabel(19, 'Sohu'), '[Sohu 19]');
});

test('where a source came from reads as a sentence with its whole hash', () => {
  assert.equal(
    describeProvenance({
      fileName: 'report.pdf',
      format: 'pdf',
      size: 1_258_291,
      sha256: 'ab'.repeat(32),
      importedAt: '2026-01-15T10:04:05.123Z',
    }),
    `report.pdf (PDF, 1.2 MB, SHA-256 ${'ab'.repeat(32)}), imported 2026-01-15 10:04 UTC`,
  );
});

test('two sources of one name are told apart wherever their numbers are shown', () => {
  const names = sourceNames([
    source({ id: 'a' }),
    source({ id: 'b' }),
    source({ id: 'c', shortName: 'Report' }),
    source({ id: 'd', shortName: 'report' }),
  ]);
  assert.deepEqual([...names.values()], ['Sohu Cai Jing', 'Sohu Cai Jing (2)', 'Report', 'report (4)']);
});
