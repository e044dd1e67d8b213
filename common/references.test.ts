import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationIndex } from './references.ts';

const claim = (id: string, ...markers: number[]) => ({ id, citations: markers.map((marker) => ({ marker })) });

test('each citation number once, in number order, with the claims citing it in reading order and each claim once', () => {
  const themes = [{ claims: [claim('a', 19, 1), claim('b', 3)] }, { claims: [claim('c', 19, 19), claim('d')] }];
  assert.deepEqual(citationIndex(themes), [
    { marker: 1, claimIds: ['a'] },
    { marker: 3, claimIds: ['b'] },
    { marker: 19, claimIds: ['a', 'c'] },
  ]);
});

test('a brief without citations has no references', () => {
  assert.deepEqual(citationIndex([{ claims: [claim('a')] }]), []);
  assert.deepEqual(citationIndex([]), []);
});
