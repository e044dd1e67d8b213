import assert from 'node:assert/strict';
import { test } from 'node:test';
import { citationGradeOf, gradeCode, gradeMeaning } from './grades.ts';

test('a grade is written as its letter and number, and in the words of the Admiralty scale', () => {
  assert.equal(gradeCode({ reliability: 'B', credibility: '2' }), 'B2');
  assert.equal(gradeMeaning({ reliability: 'B', credibility: '2' }), 'usually reliable; probably true');
  assert.equal(gradeCode({ reliability: 'F', credibility: null }), 'F');
  assert.equal(gradeMeaning({ reliability: null, credibility: '6' }), 'truth cannot be judged');
  assert.equal(gradeCode({ reliability: null, credibility: null }), null);
  assert.equal(gradeMeaning(null), null);
});

test('a citation’s grade is found by its source and number', () => {
  const stamp = { id: 'g', createdAt: '', updatedAt: '', author: 'a' };
  const grades = [
    { ...stamp, sourceId: 's1', marker: 19, reliability: 'B' as const, credibility: '2' as const },
    { ...stamp, sourceId: 's2', marker: 19, reliability: 'E' as const, credibility: null },
  ];
  assert.equal(citationGradeOf(grades, 's2', 19)?.reliability, 'E');
  assert.equal(citationGradeOf(grades, 's1', 7), null);
  assert.equal(citationGradeOf(undefined, 's1', 19), null);
});
