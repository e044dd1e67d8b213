import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { BriefStore } from '../db/read/index.ts';
import { BriefWriter } from '../db/edit/index.ts';
import { closeAsSingleFile, openStore, SCHEMA_VERSION } from '../db/store/index.ts';
import { sha256, tempDir } from '../db/test-support/index.ts';
import { runCli } from './commands.ts';

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runCli(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

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
  });
  assert.equal(json.schemaVersion, SCHEMA_VERSION);
  assert.deepEqual(readdirSync(dir), ['brief.sqlite'], 'info does not write beside the file');
});

test('briefing new --from imports another article in the same format', async (t) => {
  const dir = tempDir(t);
  const file = await briefFromArticle(
    dir,
    'other',
    'Редкоземельные металлы: новый план\nRBC·2025-12-01 10:00\n\nGroup 1 - First claim [1] - Second claim [2][3]\nGroup 2 - Third claim\nGroup 3 - Fourth claim [9]',
  );
  const json = JSON.parse((await run('info', file, '--json')).out);
  assert.equal(json.source.titleOriginal, 'Редкоземельные металлы: новый план');
  assert.equal(json.source.publisher, 'RBC');
  assert.deepEqual([json.counts.themes, json.counts.claims, json.counts.citations, json.counts.indicators], [3, 4, 4, 0]);
});

test('errors go to stderr with a non-zero exit and leave nothing behind', async (t) => {
  const dir = tempDir(t);
  const bad = join(dir, 'bad.txt');
  writeFileSync(bad, 'Headline\nno byline here\n');
  const failed = await run('new', join(dir, 'out.sqlite'), '--from', bad);
  assert.equal(failed.code, 1);
  assert.match(failed.err, /Line 2 should give the publisher and date/);
  assert.deepEqual(readdirSync(dir), ['bad.txt']);

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
  assert.match(readFileSync(out.md, 'utf8'), /\*\*OFFICIAL-SENSITIVE\*\*/);
  assert.doesNotMatch(readFileSync(out.html, 'utf8'), /<script/i);

  const refused = await run('export', file, '--pdf', join(dir, 'missing', 'x.pdf'));
  assert.equal(refused.code, 1);
  assert.match(refused.err, /does not exist/);
  assert.equal((await run('export', file)).code, 2);
});

test('exports write what the user wrote as text: HTML and script in a claim never become markup', async (t) => {
  const dir = tempDir(t);
  const file = await briefFromArticle(
    dir,
    'hostile',
    'Hostile <b>headline</b>\nPaper·2025-12-01\n\nGroup 1 - <script>alert(1)</script> and <img src=x onerror=alert(2)> in a claim [1]',
  );
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
