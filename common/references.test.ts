import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationIndex, referenceElementId } from './references.ts';

const claim = (id: string, ...markers: number[]) => ({ id, citations: markers.map((marker) => ({ marker })) });

test('each citation number once, in number order, with the claims citing it in reading order and each claim once', () => {
  const themes = [{ claims: [claim('a', 19, 1), claim('b', 3)] }, { claims: [claim('c', 19, 19), claim('d')] }];
  assert.deepEqual(citationIndex(themes, [{ id: 's' }]), [
    { sourceId: 's', marker: 1, claimIds: ['a'] },
    { sourceId: 's', marker: 3, claimIds: ['b'] },
    { sourceId: 's', marker: 19, claimIds: ['a', 'c'] },
  ]);
});

test('a brief without citations has no references', () => {
  assert.deepEqual(citationIndex([{ claims: [claim('a')] }]), []);
  assert.deepEqual(citationIndex([]), []);
});

test('two sources each keep their own [1]: numbers are listed by source, in the order the sources were added', () => {
  const sources = [{ id: 'first' }, { id: 'second' }];
  const themes = [
    { sourceId: 'second', claims: [claim('m1', 1), { ...claim('m2', 4, 1) }] },
    { sourceId: 'first', claims: [claim('a', 1, 19)] },
    // A claim the analyst added to a theme of no source cites the brief's first source.
    { sourceId: null, claims: [claim('mine', 19)] },
  ];
  assert.deepEqual(citationIndex(themes, sources), [
    { sourceId: 'first', marker: 1, claimIds: ['a'] },
    { sourceId: 'first', marker: 19, claimIds: ['a', 'mine'] },
    { sourceId: 'second', marker: 1, claimIds: ['m1', 'm2'] },
    { sourceId: 'second', marker: 4, claimIds: ['m2'] },
  ]);
  assert.equal(referenceElementId(sources, 'first', 19), 'reference-19');
  assert.equal(referenceElementId(sources, 'second', 1), 'reference-2-1');
});
