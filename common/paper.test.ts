import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { PAGE_MARGIN_MM } from './paper.ts';

test('the print view’s @page margins are the ones the contents’ page numbers are predicted with', () => {
  const css = readFileSync(new URL('../renderer/src/print/print.css', import.meta.url), 'utf8');
  const margin = /@page\s*{[^}]*margin:\s*([^;]+);/.exec(css)?.[1]?.trim();
  const { top, right, bottom, left } = PAGE_MARGIN_MM;
  assert.equal(margin, `${top}mm ${right}mm ${bottom}mm ${left}mm`);
});
