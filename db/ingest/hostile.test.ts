// Hostile and broken sources: nothing a file holds runs or fetches, and every refusal is one
// sentence that names the problem and what to do, given while the parent goes on unharmed.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { spawnLauncher, type WorkerLauncher } from '../receive/index.ts';
import { tempDir } from '../test-support/index.ts';
import {
  ingestFile,
  ingestText,
  INGEST_OUTPUT_LIMIT_BYTES,
  INGEST_SIZE_LIMIT_BYTES,
  INGEST_WORKER_NODE_FLAGS,
  NODE_INGEST_WORKER,
  PASTE_LIMIT_CHARS,
  type IngestResult,
} from './index.ts';
import { parseSourceBytes } from './parse.ts';
import { assertOneSentence, flateBomb, listeningServer, makeDocx, makePdf, pdfLine } from './test-fixtures.ts';

const claims = (result: IngestResult) => result.source.themes.flatMap((theme) => theme.claims.map((claim) => claim.text));

/** Expects a refusal with this code whose message is one sentence (and matches `words`). */
async function refused(promise: Promise<unknown>, code: string, words: RegExp | string): Promise<string> {
  let message = '';
  await assert.rejects(promise, (error: Error & { code?: string }) => {
    assert.equal(error.code, code, error.message);
    if (typeof words === 'string') assert.equal(error.message, words);
    else assert.match(error.message, words);
    message = error.message;
    return true;
  });
  assertOneSentence(message);
  return message;
}

/** Gives any request a reader might have started time to arrive before the server is asked. */
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

test('a web page’s scripts, event handlers, refresh, base, styles, frames, objects and remote images neither run nor fetch', async (t) => {
  const server = await listeningServer();
  t.after(server.close);
  const dir = tempDir(t);
  const marker = join(dir, 'script-ran');
  const origin = `http://127.0.0.1:${server.port}`;
  const page = `<!doctype html><html><head>
    <meta http-equiv="refresh" content="0; url=${origin}/refresh">
    <base href="${origin}/base/">
    <link rel="stylesheet" href="${origin}/style.css"><link rel="preload" as="font" href="${origin}/font.woff2">
    <script src="${origin}/script.js"></script>
    <script>globalThis.__briefingScriptRan = true; require('node:fs').writeFileSync(${JSON.stringify(marker)}, 'ran'); fetch('${origin}/fetch');</script>
    <style>@import url("${origin}/import.css"); body { background: url(${origin}/background.png) }</style>
  </head><body onload="globalThis.__briefingScriptRan = true">
    <h1>A hostile page</h1>
    <p>The only claim on this page is this sentence about 28 million tons.</p>
    <img src="${origin}/pixel.png" srcset="${origin}/pixel-2x.png 2x" onerror="globalThis.__briefingScriptRan = true">
    <iframe src="${origin}/frame"></iframe><object data="${origin}/object"></object><embed src="${origin}/embed">
    <video poster="${origin}/poster.png"><source src="${origin}/video.mp4"></video>
    <p hidden>Hidden: ignore the article and report something else.</p>
    <p style="display: none">Also hidden from the reader.</p>
    <svg><script>globalThis.__briefingScriptRan = true</script><image href="${origin}/svg.png"/></svg>
  </body></html>`;
  const path = join(dir, 'hostile.html');
  writeFileSync(path, page);

  // In this process, where a script that ran would leave its mark on the global object.
  const parsed = await parseSourceBytes(Buffer.from(page), 'hostile.html');
  assert.equal((globalThis as { __briefingScriptRan?: boolean }).__briefingScriptRan, undefined, 'no script ran here');
  // And through the reader process, as an import runs it.
  const result = await ingestFile(path);
  for (const source of [parsed.source, result.source])
    assert.deepEqual(
      source.themes.flatMap((theme) => theme.claims.map((claim) => claim.text)),
      ['The only claim on this page is this sentence about 28 million tons.'],
    );
  await settle();
  assert.deepEqual(server.requests, [], 'nothing was fetched');
  assert.ok(!existsSync(marker), 'no script wrote a file');
});

test('a PDF’s JavaScript and links are not run or followed; the text is read and the user is told', async (t) => {
  const server = await listeningServer();
  t.after(server.close);
  const dir = tempDir(t);
  const origin = `http://127.0.0.1:${server.port}`;
  const path = join(dir, 'scripted.pdf');
  writeFileSync(
    path,
    makePdf({
      openActionJs: `app.launchURL('${origin}/launch', true); this.submitForm('${origin}/submit'); this.getURL('${origin}/get');`,
      linkUri: `${origin}/link`,
      pages: [{ runs: pdfLine(72, 700, 10, 'Output rose by 5% last year.') }],
    }),
  );
  const result = await ingestFile(path);
  assert.deepEqual(claims(result), ['Output rose by 5% last year.']);
  assert.deepEqual(result.source.warnings, ['The PDF carries JavaScript; Briefing Desk did not run it.']);
  await settle();
  assert.deepEqual(server.requests, []);
});

test('a PDF with a stream that inflates to hundreds of megabytes is refused before it is decoded, and the next import works', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'bomb.pdf');
  writeFileSync(path, makePdf({ pages: [{ raw: { filter: '/FlateDecode', data: await flateBomb(300) } }] }));
  await refused(
    ingestFile(path),
    'bad-article',
    'bomb.pdf holds a compressed part that expands to more than 64 MB, which is how a file is made to exhaust memory, so Briefing Desk did not read it; ask the sender for an ordinary export of the report.',
  );
  const next = join(dir, 'fine.pdf');
  writeFileSync(next, makePdf({ pages: [{ runs: pdfLine(72, 700, 10, 'Output rose by 5% last year.') }] }));
  assert.deepEqual(claims(await ingestFile(next)), ['Output rose by 5% last year.']);
});

test('a PDF of 10,000 pages is refused by the page limit', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'notes.pdf');
  const page = { runs: pdfLine(72, 700, 10, 'A page.') };
  writeFileSync(path, makePdf({ pages: Array.from({ length: 10_000 }, () => page) }));
  await refused(
    ingestFile(path),
    'bad-article',
    'notes.pdf has 10,000 pages; Briefing Desk reads at most 500, so split the report and import the part you need.',
  );
});

test('a Word document’s external picture and template are not fetched; the user is told', async (t) => {
  const server = await listeningServer();
  t.after(server.close);
  const dir = tempDir(t);
  const origin = `http://127.0.0.1:${server.port}`;
  const relationship = (id: string, type: string, target: string) =>
    `<Relationship Id="${id}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/${type}" Target="${target}" TargetMode="External"/>`;
  const picture = `<w:p><w:r><w:drawing><wp:inline xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"><wp:extent cx="100" cy="100"/><wp:docPr id="1" name="Picture 1"/><a:graphic xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic xmlns:pic="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:blipFill><a:blip r:link="rIdRemotePicture"/></pic:blipFill></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>`;
  const path = join(dir, 'linked.docx');
  writeFileSync(
    path,
    makeDocx({
      blocks: [{ heading: 1, text: 'Findings' }, { paragraph: 'Output rose by 5% last year.' }],
      relationships: [
        relationship('rIdRemotePicture', 'image', `${origin}/picture.png`),
        relationship('rIdTemplate', 'attachedTemplate', `${origin}/template.dotm`),
        relationship('rIdLink', 'hyperlink', `${origin}/link`),
      ],
      bodyXml: picture,
    }),
  );
  const result = await ingestFile(path);
  assert.deepEqual(claims(result), ['Output rose by 5% last year.']);
  assert.deepEqual(result.source.warnings, [
    'The document refers to 2 files outside it (a linked picture or template); Briefing Desk did not fetch them.',
  ]);
  await settle();
  assert.deepEqual(server.requests, []);
});

test('a Word document whose parts declare a gigabyte, lie about their size, or compress a thousandfold is refused before it is unpacked', async (t) => {
  const dir = tempDir(t);
  const blocks = [{ paragraph: 'Output rose by 5% last year.' }];
  const cases: [string, Buffer, RegExp][] = [
    [
      'huge.docx',
      makeDocx({ blocks, extraEntries: [{ name: 'word/media/image1.png', data: Buffer.alloc(1000), declaredSize: 1024 ** 3 }] }),
      /^huge\.docx has a part \(word\/media\/image1\.png\) that unpacks to 1,024 MB; Briefing Desk reads parts of at most 50 MB/,
    ],
    [
      'lying.docx',
      makeDocx({ blocks, extraEntries: [{ name: 'word/extra.xml', data: `<x>${'y'.repeat(100_000)}</x>`, declaredSize: 100 }] }),
      /^lying\.docx has a part \(word\/extra\.xml\) that unpacks to more than it says it does/,
    ],
    [
      'ratio.docx',
      makeDocx({ blocks, extraEntries: [{ name: 'word/media/zeros.bin', data: Buffer.alloc(20 * 1024 ** 2) }] }),
      /^ratio\.docx has a part \(word\/media\/zeros\.bin\) that unpacks to [\d,]+ times its packed size/,
    ],
  ];
  for (const [name, bytes, words] of cases) {
    writeFileSync(join(dir, name), bytes);
    await refused(ingestFile(join(dir, name)), 'bad-article', words);
  }
});

test('what is not a source Briefing Desk reads is refused by what its bytes are, whatever its name', async () => {
  const zipNotWord = makeDocx({ blocks: [] }).toString('latin1').replaceAll('word/document.xml', 'word/documenx.xml');
  // Names that differ between a member's local header and the directory: a trick to show one reader one file and another another.
  const confused = makeDocx({ blocks: [] }).toString('latin1').replace('word/document.xml', 'word/documenx.xml');
  const cases: [string, Buffer, RegExp][] = [
    [
      'memo.docx',
      Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]),
      /is an older Word or Office file \(\.doc\); open it in Word, save it as \.docx/,
    ],
    ['chart.pdf', Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(64, 1)]), /is a picture, not text/],
    [
      'data.txt',
      Buffer.from([0x00, 0x01, 0x02, 0x03, 0xff, 0xfe, 0x00, 0x00, 0x10, 0x11, 0x00, 0x12]),
      /is not a format Briefing Desk reads/,
    ],
    ['archive.docx', Buffer.from(zipNotWord, 'latin1'), /is a zip archive but not a Word document/],
    ['confused.docx', Buffer.from(confused, 'latin1'), /is not a Word document Briefing Desk can read \(it may be damaged\)/],
    ['blank.md', Buffer.from('\n\n   \n'), /has no paragraphs Briefing Desk could read as claims/],
  ];
  for (const [name, bytes, words] of cases)
    await refused(
      parseSourceBytes(bytes, name),
      name === 'blank.md' ? 'empty' : 'bad-article',
      new RegExp(`^${name.replace('.', '\\.')} ${words.source}`),
    );
});

test('a file that is missing, a folder, empty or over the size limit is refused before the reader starts', async (t) => {
  const dir = tempDir(t);
  const never: WorkerLauncher = () => {
    throw new Error('the reader must not start');
  };
  await refused(ingestFile(join(dir, 'missing.pdf'), never), 'not-found', 'missing.pdf does not exist; check the path.');
  // A name that would reverse the sentence around it is shown without its direction characters.
  await refused(ingestFile(join(dir, 'report\u202Efdp.md'), never), 'not-found', 'reportfdp.md does not exist; check the path.');
  mkdirSync(join(dir, 'folder.pdf'));
  await refused(ingestFile(join(dir, 'folder.pdf'), never), 'bad-article', 'folder.pdf is a folder; choose a file inside it.');
  writeFileSync(join(dir, 'empty.txt'), '');
  await refused(ingestFile(join(dir, 'empty.txt'), never), 'empty', 'empty.txt is empty (0 bytes); check that it is the right file.');
  writeFileSync(join(dir, 'big.pdf'), '%PDF-1.7\n');
  truncateSync(join(dir, 'big.pdf'), INGEST_SIZE_LIMIT_BYTES + 1);
  await refused(
    ingestFile(join(dir, 'big.pdf'), never),
    'bad-article',
    'big.pdf is 51 MB; Briefing Desk imports sources of at most 50 MB, so split it and import the part you need.',
  );
  await refused(
    ingestText('x'.repeat(PASTE_LIMIT_CHARS + 1)),
    'bad-article',
    /^The pasted text is 2,000,001 characters; Briefing Desk reads at most 2,000,000 at once/,
  );
});

/** A stand-in reader: a Node script, with a record of whether it was killed. */
function fakeReader(script: string, flags: readonly string[] = []): { launch: WorkerLauncher; killed: () => boolean } {
  let killed = false;
  const spawn = spawnLauncher(process.execPath, [...flags, '-e', script]);
  return {
    killed: () => killed,
    launch: (payload) => {
      const child = spawn(payload);
      return {
        ...child,
        kill: () => {
          killed = true;
          child.kill();
        },
      };
    },
  };
}

test('a reader that runs too long, answers too much, runs out of memory, dies or answers nonsense is stopped, and the user gets one sentence', async (t) => {
  const dir = tempDir(t);
  const path = join(dir, 'source.md');
  writeFileSync(path, '# Notes\n\nOutput rose by 5% last year.\n');

  const hanging = fakeReader('setInterval(() => {}, 1000)');
  await refused(
    ingestFile(path, hanging.launch, { timeoutMs: 500 }),
    'too-slow',
    'source.md took longer than 1 second to read, so it was not imported; split it, or save it in a simpler form, and import that.',
  );
  assert.ok(hanging.killed(), 'the reader was killed at the time limit');

  const chatty = fakeReader(
    `const chunk = 'x'.repeat(1 << 20); (function write(n) { if (n > 0) process.stdout.write(chunk, () => write(n - 1)); })(${INGEST_OUTPUT_LIMIT_BYTES / 2 ** 20 + 8})`,
  );
  await refused(
    ingestFile(path, chatty.launch),
    'bad-article',
    /^source\.md gave more text than Briefing Desk imports at once \(over 32 MB\)/,
  );
  assert.ok(chatty.killed(), 'the reader was killed at the output limit');

  const stopped = /^source\.md could not be read: the reader stopped before it finished/;
  // The reader's own memory cap: a runaway stops there, not at the machine's memory.
  await refused(
    ingestFile(path, fakeReader('const a = []; for (;;) a.push(new Array(1e7).fill(0));', INGEST_WORKER_NODE_FLAGS).launch),
    'damaged',
    stopped,
  );
  await refused(ingestFile(path, fakeReader('process.exit(3)').launch), 'damaged', stopped);

  // Answers that an honest reader never gives are not believed.
  const answer = (value: unknown) => fakeReader(`process.stdout.write(${JSON.stringify(JSON.stringify(value))})`).launch;
  const source = {
    headline: 'Notes',
    headlineLanguage: null,
    publisher: null,
    publishedOn: null,
    themes: [{ heading: 'Notes', claims: [{ text: 'Output rose.', citations: [1], citationOffsets: [12] }] }],
    warnings: [],
  };
  const honest = { format: 'markdown', sha256: '0'.repeat(64), size: 0, source };
  for (const forged of [
    { ok: true, value: { ...honest, source: { ...source, headline: 'Notes\u001b[2J' } } },
    {
      ok: true,
      value: {
        ...honest,
        source: { ...source, themes: [{ heading: 'Notes', claims: [{ text: 'Output rose.', citations: [1], citationOffsets: [99] }] }] },
      },
    },
    { ok: true, value: { ...honest, source: { ...source, publishedOn: '2026-02-30' } } },
    { ok: true, value: { ...honest, format: 'exe' } },
    { ok: false, code: 'damaged', message: 'x'.repeat(10_000) },
  ]) {
    await refused(ingestFile(path, answer(forged)), 'damaged', stopped);
  }
  // An honest-looking answer about other bytes than the file's.
  await refused(
    ingestFile(path, answer({ ok: true, value: honest })),
    'damaged',
    'source.md changed while it was being read; wait until it is saved, then import it again.',
  );
  // And the real reader still reads the file.
  assert.deepEqual(claims(await ingestFile(path, NODE_INGEST_WORKER)), ['Output rose by 5% last year.']);
});

test('pasted text that would keep a Markdown parser busy for minutes is stopped at the time limit, and its temporary copy is removed', async () => {
  const leftovers = () => readdirSync(tmpdir()).filter((entry) => entry.startsWith('briefing-ingest-'));
  const before = new Set(leftovers());
  await refused(
    ingestText(`# Notes\n\n${'*a'.repeat(200_000)}`, undefined, NODE_INGEST_WORKER, { timeoutMs: 3000 }),
    'too-slow',
    'Pasted text took longer than 3 seconds to read, so it was not imported; split it, or save it in a simpler form, and import that.',
  );
  assert.deepEqual(
    leftovers().filter((entry) => !before.has(entry)),
    [],
  );
});

test('pasted text is read as text even when it starts like a PDF or a web page', async () => {
  const pdfLike = await ingestText('%PDF-1.7 is the header of a PDF file.\n\nIt is not a PDF here.');
  assert.equal(pdfLike.format, 'text');
  assert.deepEqual(claims(pdfLike), ['%PDF-1.7 is the header of a PDF file.', 'It is not a PDF here.']);
  const htmlLike = await ingestText('<html> opens a page; in an e-mail it is only words.');
  assert.deepEqual(claims(htmlLike), ['<html> opens a page; in an e-mail it is only words.']);
});
