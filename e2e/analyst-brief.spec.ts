import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { openStore } from '../db/store/index.ts';
import { BriefStore } from '../db/read/index.ts';
import { expect, test } from './fixtures.ts';
import { REPO_ROOT } from './host.ts';
import { exportTo } from './support/file-dialogs.ts';
import type { WorkspacePage } from './workspace.page.ts';

// The analyst's brief, made in the workspace as an analyst makes it: a bottom line, three key
// judgments (one without evidence), graded references and source, an assessment, notes on the
// brief, a theme, a claim and an indicator, highlights in three colours with comments, one
// highlight orphaned and one indicator's quote edited away. Each export (PDF, Markdown, HTML) holds
// all of it, in the brief's order; and the same brief made with `briefing edit` from a .jsonl file
// exports the same Markdown.

test.describe.configure({ timeout: 300_000 });
const run = (command: string, ...args: string[]) =>
  execFileSync(command, args, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, cwd: REPO_ROOT });
const briefing = (...args: string[]) => run(process.execPath, join(REPO_ROOT, 'cli', 'briefing.ts'), ...args);

const BOTTOM_LINE =
  'Russia will not end its reliance on Chinese rare earths before 2030: reserves are large, but engineers, money and plants are lacking.';
const JUDGMENTS = [
  {
    text: 'Moscow will fund a national rare earth programme within two years.',
    likelihood: /^likely \(55–80%\)$/,
    band: 'likely (55–80%)',
    confidence: 'Moderate confidence',
  },
  {
    text: 'Russia will replace most Chinese rare earth imports before 2030.',
    likelihood: /^very unlikely/,
    band: 'very unlikely (5–20%)',
    confidence: 'High confidence',
  },
  {
    text: 'India will sign a technology-for-market deal in 2026.',
    likelihood: /^roughly even chance/,
    band: 'roughly even chance (45–55%)',
    confidence: 'Low confidence',
  },
];
const NOTES = {
  brief: 'Ask the Moscow desk for the 2026 production figures.',
  theme: 'Group 1 frames the political will behind the roadmap.',
  claim: 'Export controls were tightened again in 2023.',
  indicator: 'The reserve figure is the ministry’s own estimate.',
};
const HIGHLIGHTS = [
  { claim: '1.1', words: 'core viewpoint', meaning: 'Key fact', comment: 'The article’s thesis.' },
  { claim: '3.3', words: 'from 55% to 78%', meaning: 'Supports', comment: 'Recycling is improving.' },
  { claim: '4.2', words: 'expresses skepticism', meaning: 'Doubtful', comment: 'Academics doubt the partnerships.' },
];
const ORPHANED = { claim: '1.2', words: 'tightening its rare earth export policies', meaning: 'Follow up', comment: 'Check the dates.' };
/** Claim 1.2 reworded so the orphaned highlight's words are gone; claim 2.1 so its indicator's quote is gone. */
const REWORDED = {
  '1.2': (text: string) => text.replace('tightening its rare earth export policies', 'restricting exports'),
  '2.1': (text: string) => text.replace('rare earth reserves of 28 million tons', 'large reserves'),
};

async function buildInWorkspace(page: Page, workspace: WorkspacePage): Promise<void> {
  const { judgments, notes } = workspace;
  await judgments.open();
  // A likelihood word off the scale gets a hint, never a block.
  await judgments.bottomLine.getByRole('button', { name: 'Write the bottom line' }).click();
  await judgments.bottomLine.getByRole('textbox', { name: 'Bottom line' }).fill('Russia will probably fail.');
  await expect(judgments.bottomLine).toContainText('“probably” is not on the brief’s likelihood scale: use “likely”');
  await judgments.bottomLine.getByRole('textbox', { name: 'Bottom line' }).fill(BOTTOM_LINE);
  await judgments.bottomLine.getByRole('button', { name: 'Save' }).click();
  await expect(judgments.bottomLine).toContainText(BOTTOM_LINE);

  for (const judgment of JUDGMENTS) await judgments.addJudgment(judgment.text, judgment.likelihood, judgment.confidence);
  await expect(judgments.judgments).toHaveCount(3);
  await judgments.linkClaim(1, '1.1');
  await judgments.linkClaim(1, '4.3', 'Cuts against');
  await judgments.linkClaim(2, '2.3');
  await expect(judgments.judgment(3)).toContainText('No supporting evidence');
  await expect(judgments.judgment(1)).not.toContainText('No supporting evidence');

  // Grades: reference [19] from its chip, and the source from its header.
  await workspace.claim('1.1').citations.filter({ hasText: /^19/ }).click();
  const popover = page.getByRole('dialog', { name: 'Reference 19' });
  await popover.getByRole('button', { name: 'Grade' }).click();
  await popover.getByRole('combobox', { name: 'Source reliability' }).selectOption('B');
  await popover.getByRole('combobox', { name: 'Information credibility' }).selectOption('2');
  await popover.getByRole('button', { name: 'Save grade' }).click();
  await expect(popover).toContainText('Graded B2: usually reliable; probably true');
  await page.keyboard.press('Escape');
  await expect(workspace.claim('1.3').citations.filter({ hasText: /^19/ })).toHaveText('19B2');
  await page.getByRole('button', { name: 'Grade the source' }).click();
  const sourceGrade = page.getByRole('form', { name: 'Grade the source' });
  await sourceGrade.getByRole('combobox', { name: 'Source reliability' }).selectOption('C');
  await sourceGrade.getByRole('combobox', { name: 'Information credibility' }).selectOption('3');
  await sourceGrade.getByRole('button', { name: 'Save grade' }).click();
  await expect(workspace.source.root).toContainText('Source graded C3');

  await workspace.claim('2.3').assess('moderate', 'One survey; plausible');

  await notes.open();
  await notes.add(NOTES.brief);
  await page.getByRole('button', { name: 'Note on Group 1' }).click();
  await notes.write(NOTES.theme);
  await notes.save();
  await workspace.claim('1.3').startNote();
  await notes.write(NOTES.claim);
  await notes.save();
  await workspace.indicators.open();
  await page.getByRole('button', { name: 'Note on Rare earth reserves (Russia)' }).click();
  await notes.write(NOTES.indicator);
  await notes.save();
  await expect(notes.items).toHaveCount(4);

  for (const h of [...HIGHLIGHTS, ORPHANED]) await workspace.claim(h.claim).highlight(h.words, h.meaning, h.comment);
  for (const [number, reword] of Object.entries(REWORDED)) await workspace.claim(number).edit((text) => reword(text));
  await workspace.highlights.open();
  await expect(workspace.highlights.root).toContainText('tightening its rare earth export policies');
  await expect(workspace.highlights.root.getByRole('heading', { name: /Orphaned/ })).toBeVisible();
}

/** Each needle's first place in `text`, in order: fails naming the first one missing or out of order. */
function expectInOrder(text: string, needles: string[], what: string) {
  let from = 0;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    expect(at, `${what}: “${needle}” after position ${from}`).toBeGreaterThanOrEqual(0);
    from = at + needle.length;
  }
}

/** What each export must hold, in the brief's order: the analyst's answer first, the appendix last. */
const EXPECTED_ORDER = [
  'Bottom line',
  BOTTOM_LINE,
  'Key judgments',
  JUDGMENTS[0]!.text,
  'likely (55–80%)',
  JUDGMENTS[1]!.text,
  'very unlikely (5–20%)',
  JUDGMENTS[2]!.text,
  'roughly even chance (45–55%)',
  NOTES.brief,
  'Contents',
  'Group 1',
  NOTES.theme,
  'core viewpoint',
  NOTES.claim,
  'One survey; plausible',
  'from 55% to 78%',
  'expresses skepticism',
  'quote no longer in claim 2.1',
  NOTES.indicator,
  'B2',
  'usually reliable; probably true',
  HIGHLIGHTS[0]!.comment,
  HIGHLIGHTS[1]!.comment,
  HIGHLIGHTS[2]!.comment,
  'Orphaned',
  ORPHANED.words,
];

/** Text with PDF line breaks and hyphenation undone, so a phrase split across lines is found. */
const flat = (text: string) => text.replace(/\s+/g, ' ');

test('an analyst’s brief made in the workspace exports everything the analyst wrote, in order, to PDF, Markdown and HTML', async ({
  page,
  app,
  workspace,
}, testInfo) => {
  await buildInWorkspace(page, workspace);
  const { composer } = workspace;
  await composer.open();
  await expect(page.getByRole('region', { name: 'Compose and export' })).toContainText('Key judgment 3 has no supporting evidence');
  const pdf = testInfo.outputPath('brief.pdf');
  const md = testInfo.outputPath('brief.md');
  const html = testInfo.outputPath('brief.html');
  await exportTo(app, composer, 'PDF', pdf);
  await exportTo(app, composer, 'MD', md);
  await exportTo(app, composer, 'HTML', html);

  const pdfText = flat(run('pdftotext', pdf, '-'));
  expectInOrder(pdfText, EXPECTED_ORDER, 'PDF');
  expectInOrder(pdfText, ['Key fact', 'Supports', 'Doubtful'], 'PDF legend');
  expect(pdfText).toContain('Supported by claim 1.1');
  expect(pdfText).toContain('Source graded C3');
  // Page 1 carries the analyst's answer, not a half-empty cover.
  const pageOne = flat(run('pdftotext', '-f', '1', '-l', '1', pdf, '-'));
  expect(pageOne).toContain(BOTTOM_LINE);
  expect(pageOne).toContain(JUDGMENTS[2]!.text);

  const markdown = readFileSync(md, 'utf8');
  expectInOrder(flat(markdown.replace(/\\([\\`*_{}[\]()#+\-.!|=<>~])/g, '$1')), EXPECTED_ORDER, 'Markdown');
  const htmlText = flat(
    await page
      .context()
      .newPage()
      .then(async (view) => {
        await view.setContent(readFileSync(html, 'utf8'));
        const text = await view.locator('body').innerText();
        await view.close();
        return text;
      }),
  );
  expectInOrder(htmlText, EXPECTED_ORDER, 'HTML');

  // Every page, looked at: light PNGs of the PDF, and the workspace's judgments panel.
  run('pdftoppm', '-png', '-r', '50', pdf, testInfo.outputPath('brief-page'));
  await page.getByRole('button', { name: 'Back to the brief' }).click();
  await workspace.judgments.open();
  for (const scheme of ['light', 'dark'] as const) await workspace.screenshot(testInfo.outputPath(`judgments-${scheme}.png`), scheme);

  // The same brief, made by `briefing edit` from a .jsonl file, exports the same Markdown.
  const file = testInfo.outputPath('scripted.sqlite');
  briefing('new', file);
  const jsonl = testInfo.outputPath('edits.jsonl');
  writeFileSync(
    jsonl,
    scriptedEdits(file)
      .map((edit) => JSON.stringify(edit))
      .join('\n'),
  );
  briefing('edit', file, '--jsonl', jsonl, '--author', 'Test Analyst');
  const scriptedMd = testInfo.outputPath('scripted.md');
  briefing('export', file, '--md', scriptedMd, '--author', 'Test Analyst, E2E Desk');
  expect(readFileSync(scriptedMd, 'utf8')).toBe(markdown);
});

/** The workspace session above as `brief:edit` lines, with the embedded brief's own claim texts for offsets and rewording. */
function scriptedEdits(file: string): Record<string, unknown>[] {
  const db = openStore(file, { readonly: true, mustExist: true });
  let claims: Map<string, { text: string; editableText: string }>;
  try {
    const brief = new BriefStore(db).getBrief()!;
    claims = new Map(brief.themes.flatMap((t, ti) => t.claims.map((c, ci) => [`${ti + 1}.${ci + 1}`, c] as const)));
  } finally {
    db.close();
  }
  const highlight = (h: { claim: string; words: string; meaning: string; comment: string }) => {
    const start = claims.get(h.claim)!.text.indexOf(h.words);
    const colour = { 'Key fact': 'yellow', Supports: 'green', Doubtful: 'red', 'Follow up': 'blue' }[h.meaning];
    return {
      kind: 'highlight.add',
      targetKind: 'claim',
      targetId: `$claim:${h.claim}`,
      start,
      end: start + h.words.length,
      colour,
      comment: h.comment,
    };
  };
  const likelihoods = ['likely', 'very-unlikely', 'roughly-even'];
  const confidences = ['moderate', 'high', 'low'];
  return [
    { kind: 'brief.bottomLine', text: BOTTOM_LINE },
    ...JUDGMENTS.map((j, i) => ({
      kind: 'judgment.add',
      as: `kj${i + 1}`,
      text: j.text,
      likelihood: likelihoods[i],
      confidence: confidences[i],
    })),
    { kind: 'evidence.link', judgmentId: '$kj1', targetKind: 'claim', targetId: '$claim:1.1', stance: 'supports' },
    { kind: 'evidence.link', judgmentId: '$kj1', targetKind: 'claim', targetId: '$claim:4.3', stance: 'undercuts' },
    { kind: 'evidence.link', judgmentId: '$kj2', targetKind: 'claim', targetId: '$claim:2.3', stance: 'supports' },
    { kind: 'citation.grade', sourceId: '$source', marker: 19, reliability: 'B', credibility: '2' },
    { kind: 'source.grade', id: '$source', reliability: 'C', credibility: '3' },
    { kind: 'claim.assess', id: '$claim:2.3', confidence: 'moderate', judgement: 'One survey; plausible' },
    { kind: 'note.add', targetKind: 'brief', targetId: null, body: NOTES.brief, tags: [] },
    { kind: 'note.add', targetKind: 'theme', targetId: '$theme:1', body: NOTES.theme, tags: [] },
    { kind: 'note.add', targetKind: 'claim', targetId: '$claim:1.3', body: NOTES.claim, tags: [] },
    { kind: 'note.add', targetKind: 'indicator', targetId: '$indicator:1', body: NOTES.indicator, tags: [] },
    ...[...HIGHLIGHTS, ORPHANED].map(highlight),
    ...Object.entries(REWORDED).map(([number, reword]) => ({
      kind: 'claim.update',
      id: `$claim:${number}`,
      text: reword(claims.get(number)!.editableText),
    })),
  ];
}

test('hostile text in the analyst’s own words (CR, ESC, 10,000 brackets) stays inside the panel and the printed page', async ({
  app,
  workspace,
}, testInfo) => {
  const hostile = `Line one\r\u001b[31mred\u001b[0m ${'['.repeat(10_000)}`;
  await workspace.judgments.open();
  await workspace.judgments.writeBottomLine(hostile);
  const text = workspace.judgments.bottomLine.locator('.bottom-line-text');
  await expect(text).toContainText('[[[[');
  const box = await text.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(box.scroll, 'the bottom line wraps inside the panel').toBeLessThanOrEqual(box.client);

  await workspace.composer.open();
  const pdf = testInfo.outputPath('hostile.pdf');
  await exportTo(app, workspace.composer, 'PDF', pdf);
  // Every word pdftotext finds lies within the page's width.
  const boxes = run('pdftotext', '-bbox', '-f', '1', '-l', '1', pdf, '-');
  const pageWidth = Number(/<page width="([\d.]+)"/.exec(boxes)![1]);
  const rightmost = Math.max(...[...boxes.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
  expect(rightmost).toBeLessThanOrEqual(pageWidth);
  expect(flat(run('pdftotext', '-f', '1', '-l', '1', pdf, '-'))).toContain('[[[[[[[[');
});
