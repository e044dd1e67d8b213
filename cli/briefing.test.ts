import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BriefStore } from '../db/read/index.ts';
import { BriefWriter } from '../db/edit/index.ts';
import { closeAsSingleFile, openStore, SCHEMA_VERSION } from '../db/store/index.ts';
import {
  buildAdversarialCorpus,
  fingerprintFolder,
  HOSTILE_TEXT,
  RAW_ERROR_WORDING,
  sha256,
  tempDir,
  UNSAFE_FOR_TERMINAL,
  type CorpusFile,
} from '../db/test-support/index.ts';
import { RECEIVE_TIME_LIMIT_MS } from '../db/receive/index.ts';
import { runCli } from './commands.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const RUSSIAN_ARTICLE =
  'Редкоземельные металлы: новый план\nRBC·2025-12-01 10:00\n\nGroup 1 - First claim [1] - Second claim [2][3]\nGroup 2 - Third claim\nGroup 3 - Fourth claim [9]';
const HOSTILE_ARTICLE =
  'Hostile <b>headline</b>\nPaper·2025-12-01\n\nGroup 1 - <script>alert(1)</script> and <img src=x onerror=alert(2)> in a claim [1]';

/** `briefing new NAME.sqlite --from NAME.txt` over an article with this text; answers the brief's path. */
async function briefFromArticle(dir: string, name: string, text: string): Promise<string> {
  const article = join(dir, `${name}.txt`);
  writeFileSync(article, text);
  const file = join(dir, `${name}.sqlite`);
  assert.equal((await run('new', file, '--from', article)).code, 0);
  return file;
}

test('briefing new writes the embedded brief as one self-contained file, and info reports it', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'brief.sqlite');
  assert.equal((await run('new', file)).code, 0);
  assert.deepEqual(readdirSync(dir), ['brief.sqlite'], 'no -wal, -shm or temporary file left beside it');

  const info = await run('info', file);
  assert.equal(info.code, 0);
  assert.match(info.out, /Source: +俄总理返回莫斯科后,普京下令了:即日起,减少对中国的依赖/);
  assert.match(info.out, /Published: +Sou Hu Cai Jing, 2025-11-09 07:03/);
  assert.match(info.out, new RegExp(`Schema: +version ${SCHEMA_VERSION}`));

  const json = JSON.parse((await run('info', file, '--json')).out);
  assert.deepEqual(json.counts, {
    sources: 1,
    themes: 4,
    claims: 12,
    citations: 19,
    indicators: 7,
    observations: 8,
    notes: 0,
    annotations: 0,
    tags: 0,
    judgments: 0,
    citationGrades: 0,
  });
  assert.equal(json.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(readdirSync(dir), ['brief.sqlite'], 'info does not write beside the file');
});

test('briefing new --from imports another article in the same format', async (t) => {
  const dir = tempDir(t);
  const file = await briefFromArticle(dir, 'other', RUSSIAN_ARTICLE);
  const json = JSON.parse((await run('info', file, '--json')).out);
  assert.equal(json.source.titleOriginal, 'Редкоземельные металлы: новый план');
  assert.equal(json.source.publisher, 'RBC');
  assert.deepEqual([json.counts.themes, json.counts.claims, json.counts.citations, json.counts.indicators], [3, 4, 4, 0]);
});

test('briefing new --from reads a saved web page in the isolated reader: its headings become themes, its paragraphs claims', async (t) => {
  const dir = tempDir(t);
  const page = join(dir, 'saved.html');
  writeFileSync(
    page,
    '<!doctype html><html><head><title>Rare earths</title><script>globalThis.ran = 1</script></head><body><nav>Home | World</nav>' +
      '<article><h1>Russia’s rare earth plan</h1><h2>Reserves</h2><p>Russia holds rare earth reserves of 28 million tons, the fifth largest [6].</p>' +
      '<p>It extracts only 2% of them, with less than 1% of world output [6][7].</p><h2>People</h2>' +
      '<p>Only about 1,200 engineers work in the sector, a fraction of China’s workforce [9].</p></article><footer>© Site</footer></body></html>',
  );
  const out = join(dir, 'web.sqlite');
  const made = await run('new', out, '--from', page);
  assert.equal(made.code, 0, made.err);
  assert.match(made.out, /Read saved\.html as .*web page.*: 2 themes, 3 claims\./i);
  const json = JSON.parse((await run('info', out, '--json')).out);
  assert.deepEqual([json.counts.themes, json.counts.claims, json.counts.citations], [2, 3, 4]);
});

test('errors go to stderr with a non-zero exit and leave nothing behind', async (t) => {
  const dir = tempDir(t);
  // An old binary Word file is not a source Briefing Desk reads: refused in one sentence, nothing written.
  const bad = join(dir, 'bad.doc');
  writeFileSync(bad, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0x00, 0x01]));
  const failed = await run('new', join(dir, 'out.sqlite'), '--from', bad);
  assert.equal(failed.code, 1);
  assert.match(failed.err, /bad\.doc is an older Word or Office file \(\.doc\); open it in Word, save it as \.docx and import that\./);
  assert.deepEqual(readdirSync(dir), ['bad.doc']);

  const existing = join(dir, 'x.sqlite');
  assert.equal((await run('new', existing)).code, 0);
  assert.match((await run('new', existing)).err, /already exists/);
  assert.match((await run('info', join(dir, 'missing.sqlite'))).err, /does not exist/);
  assert.match((await run('info', bad)).err, /not a Briefing Desk file/);
  assert.equal((await run('frobnicate')).code, 2);
  assert.equal((await run('new')).code, 2);
  assert.equal((await run('new', join(dir, 'no-such-folder', 'x.sqlite'))).code, 1);
});

test('the installed bin runs under plain Node', async (t) => {
  const bin = fileURLToPath(new URL('./briefing.ts', import.meta.url));
  const file = join(tempDir(t), 'bin.sqlite');
  execFileSync(process.execPath, [bin, 'new', file]);
  assert.ok(existsSync(file));
  const info = execFileSync(process.execPath, [bin, 'info', file], { encoding: 'utf8' });
  assert.match(info, /Claims: +12/);
  const failure = spawnSync(process.execPath, [bin, 'info', join(file, 'nope')], { encoding: 'utf8' });
  assert.equal(failure.status, 1);
  assert.match(failure.stderr, /^briefing: /);
  assert.equal(failure.stdout, '');
});

test('briefing check accepts a sound brief and refuses a hostile one with its sentence', async (t) => {
  const dir = tempDir(t);
  const good = join(dir, 'good.sqlite');
  assert.equal((await run('new', good)).code, 0);
  const ok = await run('check', good);
  assert.equal(ok.code, 0);
  assert.match(ok.out, /is a sound Briefing Desk brief \(schema \d+\): 4 themes, 12 claims, 7 indicators/);
  const page = join(dir, 'page.sqlite');
  writeFileSync(page, '<!doctype html><p>hello</p>');
  const refused = await run('check', page);
  assert.equal(refused.code, 1);
  assert.equal(refused.err, 'briefing: This is not a Briefing Desk file: it is a web page saved under a .sqlite name.');
});

test('briefing merge with --out leaves MINE untouched and reports conflicts, keeping both versions', async (t) => {
  const dir = tempDir(t);
  const mine = join(dir, 'mine.sqlite');
  const theirs = join(dir, 'theirs.sqlite');
  await run('new', mine);
  copyFileSync(mine, theirs);
  for (const [file, author, text] of [
    [mine, 'me', 'Mine'],
    [theirs, 'colleague', 'Theirs'],
  ] as const) {
    const db = openStore(file);
    const claim = new BriefStore(db).getBrief()!.themes[0]!.claims[0]!;
    new BriefWriter(db, author).updateClaimText(claim.id, text);
    closeAsSingleFile(db);
  }
  const before = sha256(mine);
  const out = join(dir, 'merged.sqlite');
  const merged = await run('merge', mine, theirs, '--out', out);
  assert.equal(merged.code, 0, merged.err);
  assert.match(merged.out, /1 new conflicts/);
  assert.match(merged.out, /Claim 1\.1: yours \(me, .*\) \/ theirs \(colleague, .*\)/);
  assert.match(merged.out, /Text: yours "Mine" \/ theirs "Theirs"/);
  assert.equal(sha256(mine), before);
  assert.deepEqual(readdirSync(dir).sort(), ['merged.sqlite', 'mine.sqlite', 'theirs.sqlite']);

  const again = await run('merge', out, theirs);
  assert.match(again.out, /0 added, 0 updated from their side, .* 0 new conflicts/, 'merging the same file twice changes nothing');
});

test('briefing export writes PDF, Markdown and HTML through the same print view as the app', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'brief.sqlite');
  await run('new', file);
  const out = { pdf: join(dir, 'b.pdf'), md: join(dir, 'b.md'), html: join(dir, 'b.html') };
  const exported = await run(
    'export',
    file,
    '--pdf',
    out.pdf,
    '--md',
    out.md,
    '--html',
    out.html,
    '--marking',
    'OFFICIAL-SENSITIVE',
    '--paper',
    'letter',
  );
  assert.equal(exported.code, 0, exported.err);
  const text = execFileSync('pdftotext', [out.pdf, '-'], { encoding: 'utf8' });
  assert.match(text, /俄总理返回莫斯科后/);
  assert.match(text, /OFFICIAL-SENSITIVE/);
  assert.match(execFileSync('pdfinfo', [out.pdf], { encoding: 'utf8' }), /612 x 792 pts \(letter\)/);
  // The contents give each heading's page (predicted in the print view, checked against the printed outline): it is on that page.
  const contents = [
    ...execFileSync('pdftotext', ['-layout', '-l', '2', out.pdf, '-'], { encoding: 'utf8' }).matchAll(
      /^\s*\d+\.\s+(\S.*?)\s{2,}(\d+)\s*$/gm,
    ),
  ];
  assert.deepEqual(
    contents.map(([, heading]) => heading),
    ['Group 1', 'Group 2', 'Group 3', 'Group 4', 'Indicators', 'References'],
  );
  for (const [, heading, page] of contents) {
    const onPage = execFileSync('pdftotext', ['-layout', '-f', page!, '-l', page!, out.pdf, '-'], { encoding: 'utf8' });
    assert.match(onPage, new RegExp(`^\\s*${heading}\\s*$`, 'm'), `${heading} is on page ${page}`);
  }
  assert.match(readFileSync(out.md, 'utf8'), /\*\*OFFICIAL-SENSITIVE\*\*/);
  assert.doesNotMatch(readFileSync(out.html, 'utf8'), /<script/i);

  const refused = await run('export', file, '--pdf', join(dir, 'missing', 'x.pdf'));
  assert.equal(refused.code, 1);
  assert.match(refused.err, /does not exist/);
  assert.equal((await run('export', file)).code, 2);
});

test('exports write what the user wrote as text: HTML and script in a claim never become markup', async (t) => {
  const dir = tempDir(t);
  const file = await briefFromArticle(dir, 'hostile', HOSTILE_ARTICLE);
  const out = { pdf: join(dir, 'h.pdf'), html: join(dir, 'h.html') };
  const exported = await run('export', file, '--pdf', out.pdf, '--html', out.html);
  assert.equal(exported.code, 0, exported.err);
  const html = readFileSync(out.html, 'utf8');
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; and &lt;img src=x onerror=alert\(2\)&gt;/);
  assert.doesNotMatch(html, /<script|<img src=x|<b>headline/);
  const text = execFileSync('pdftotext', [out.pdf, '-'], { encoding: 'utf8' });
  assert.match(text, /<script>alert\(1\)<\/script> and <img src=x onerror=alert\(2\)> in a claim/);
  assert.match(text, /Hostile <b>headline<\/b>/);
});

const BIN = fileURLToPath(new URL('./briefing.ts', import.meta.url));

/** The installed command in a process of its own, stopped after 20 s: a command that hangs fails the test instead of stalling it. */
function runBin(...args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', timeout: 20_000 });
  return { ...result, ms: performance.now() - started };
}

/** The adversarial corpus, built once for this file's tests (none of which may change a byte of it) and removed after them. */
let corpusDir: string | undefined;
let corpusFiles: CorpusFile[] = [];
after(() => {
  if (corpusDir) rmSync(corpusDir, { recursive: true, force: true });
});

function corpusIn() {
  if (!corpusDir) {
    corpusDir = mkdtempSync(join(tmpdir(), 'briefing-test-corpus-'));
    corpusFiles = buildAdversarialCorpus(corpusDir);
  }
  const dir = corpusDir;
  const file = (name: string): CorpusFile => {
    const found = corpusFiles.find((f) => f.name === name);
    assert.ok(found, name);
    return found;
  };
  return { dir, file, partner: join(dir, 'partner.sqlite'), good: join(dir, 'good.sqlite') };
}

test('briefing info reads only a received copy: a runaway view, a FIFO, a planted -wal and a broken schema get a sentence, in time', async () => {
  const { dir, file } = corpusIn();
  const names = [
    'a runaway recursive view where the tags table belongs',
    'a real -wal holding a change the file does not have',
    'a missing table',
    'a folder named .sqlite',
    ...(process.platform === 'win32' ? [] : ['a FIFO named .sqlite']),
  ];
  for (const name of names) {
    const hostile = file(name);
    const before = fingerprintFolder(dir);
    const result = runBin('info', hostile.path);
    assert.notEqual(result.status, null, `${name}: info finished by itself (it was stopped after 20 s)`);
    assert.ok(result.ms < RECEIVE_TIME_LIMIT_MS + 5000, `${name}: ${Math.round(result.ms)} ms`);
    assert.equal(result.status, 1, name);
    assert.equal(result.stdout, '', name);
    assert.match(result.stderr, /^briefing: [^\n]+\.\n$/, `${name}: one sentence`);
    assert.match(result.stderr, hostile.refused!.message, name);
    assert.doesNotMatch(result.stderr, RAW_ERROR_WORDING, name);
    assert.deepEqual(fingerprintFolder(dir), before, `${name}: not a byte changed, no -wal or -shm made beside it`);
  }
});

test('briefing merge never runs a hostile MINE: refused with its sentence, MINE untouched and no --out written', async (t) => {
  const { dir, file, partner } = corpusIn();
  const mine = file('a trigger that fires on a merge').path;
  const before = fingerprintFolder(dir);
  const outDir = tempDir(t);
  const withOut = await run('merge', mine, partner, '--out', join(outDir, 'merged.sqlite'));
  assert.equal(withOut.code, 1, withOut.out);
  assert.equal(
    withOut.err,
    `briefing: This file contains database code (trigger "keep_me") that Briefing Desk does not run; it was not opened.`,
  );
  assert.deepEqual(readdirSync(outDir), []);
  const inPlace = await run('merge', mine, partner);
  assert.equal(inPlace.code, 1, inPlace.out);
  assert.match(inPlace.err, /trigger "keep_me"/);
  assert.deepEqual(fingerprintFolder(dir), before);
});

test('a failed merge leaves MINE byte for byte as it was, even a file of an older schema', async (t) => {
  const dir = tempDir(t);
  const mine = join(dir, 'mine.sqlite');
  copyFileSync(new URL('../db/fixtures/schema-v1.sqlite', import.meta.url), mine);
  const other = join(dir, 'other.sqlite');
  assert.equal((await run('new', other)).code, 0);
  const before = fingerprintFolder(dir);
  const failed = await run('merge', mine, other);
  assert.equal(failed.code, 1);
  assert.match(failed.err, /a different brief, not a copy of this one/);
  assert.deepEqual(fingerprintFolder(dir), before, 'MINE was neither migrated nor written');
});

test('briefing merge without --out writes MINE once, with the one atomic replace, and leaves nothing beside it', async (t) => {
  const { good, partner } = corpusIn();
  const dir = tempDir(t);
  const mine = join(dir, 'mine.sqlite');
  copyFileSync(good, mine);
  const merged = await run('merge', mine, partner);
  assert.equal(merged.code, 0, merged.err);
  assert.match(merged.out, /\d+ updated from their side/);
  assert.deepEqual(readdirSync(dir), ['mine.sqlite'], 'no -wal, -shm or temporary file beside MINE');
  const info = await run('info', mine, '--json');
  assert.match(JSON.parse(info.out).title, /\(partner\)$/);
  const again = await run('merge', mine, partner);
  assert.match(again.out, /0 added, 0 updated from their side, .* 0 new conflicts/);
});

test('text from a file is printed as text: escapes, forged lines, bidi and invisible characters are shown, never obeyed', async (t) => {
  const { file, good, partner } = corpusIn();
  const forged = /^(Merged nothing|briefing: all good)/m;
  const escapes = file('terminal escapes in every text column, forged revisions').path;
  const info = await run('info', escapes);
  assert.equal(info.code, 0, info.err);
  assert.doesNotMatch(info.out, UNSAFE_FOR_TERMINAL);
  assert.doesNotMatch(info.out, forged);
  assert.match(info.out, /^Brief: +\\x1b\]0;pwned\\x07\\x1b\[2K\\rMerged nothing\.\\nbriefing: all good\\u009b2J/m);
  for (const line of info.out.split('\n'))
    assert.match(
      line,
      /^(File|Schema|Brief|Source( \d+)?|Translation|Published|Read from|Themes|Claims|Citations|Indicators|Notes|Annotations|Tags|Judgments|Graded refs): /,
    );

  const json = await run('info', escapes, '--json');
  assert.doesNotMatch(json.out, UNSAFE_FOR_TERMINAL);
  assert.ok(JSON.parse(json.out).title.startsWith(HOSTILE_TEXT), 'the JSON still carries the exact text');

  const outDir = tempDir(t);
  const conflictEscapes = file('an open merge conflict full of terminal escapes').path;
  for (const [mine, theirs, printsTheirText] of [
    [partner, escapes, true],
    [escapes, partner, true],
    [good, file('terminal escapes in every text column, as a later version').path, true],
    // Whether merge still lists the planted conflict is merge's to decide (db/merge); if it does, safely.
    [conflictEscapes, good, false],
    [conflictEscapes, partner, false],
  ] as const) {
    const merged = await run('merge', mine, theirs, '--out', join(outDir, `${readdirSync(outDir).length}.sqlite`));
    assert.equal(merged.code, 0, merged.err);
    assert.doesNotMatch(merged.out, UNSAFE_FOR_TERMINAL);
    assert.doesNotMatch(merged.out, forged);
    if (printsTheirText) assert.match(merged.out, /\\x1b\]0;pwned\\x07/);
  }

  const refused = await run('info', file('a trigger named with terminal escapes').path);
  assert.equal(refused.code, 1);
  assert.doesNotMatch(refused.err, UNSAFE_FOR_TERMINAL);
  assert.doesNotMatch(refused.err, /\n/);
  assert.match(refused.err, /trigger "t\\x1b\]0;pwned/);
});

test('an export is never written over the brief it reads, and two exports never share a file', async (t) => {
  const dir = tempDir(t);
  const file = join(dir, 'brief.sqlite');
  await run('new', file);
  const before = sha256(file);
  for (const argv of [
    ['--md', file],
    ['--pdf', file],
    ['--md', join(dir, '.', 'brief.sqlite')],
    ['--md', join(dir, 'x.md'), '--html', join(dir, 'x.md')],
  ]) {
    const refused = await run('export', file, ...argv);
    assert.equal(refused.code, 1, argv.join(' '));
    assert.match(refused.err, /is the brief being exported|would both be written to x\.md/);
  }
  assert.equal(sha256(file), before, 'the brief is unchanged');
  assert.deepEqual(readdirSync(dir), ['brief.sqlite']);
});

test('two colleagues who each add an indicator of the same name merge, and the brief still exports to PDF with both', async (t) => {
  const dir = tempDir(t);
  const [mine, theirs] = ['mine', 'theirs'].map((name) => join(dir, `${name}.sqlite`));
  await run('new', mine!);
  copyFileSync(mine!, theirs!);
  for (const [path, author, value] of [
    [mine!, 'me', 'Magnet plants'],
    [theirs!, 'colleague', 'Magnet plants'],
  ] as const) {
    const db = openStore(path);
    new BriefWriter(db, author).apply({ kind: 'indicator.add', name: value, unit: 'plants', claimId: null });
    closeAsSingleFile(db);
  }
  assert.equal((await run('merge', mine!, theirs!)).code, 0);
  const pdf = join(dir, 'brief.pdf');
  const exported = await run('export', mine!, '--pdf', pdf);
  assert.equal(exported.code, 0, exported.err);
  const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
  assert.equal(text.match(/Magnet plants/g)?.length, 2, 'both indicators are printed, not an error page');
  assert.doesNotMatch(text, /could not be prepared/);
});
