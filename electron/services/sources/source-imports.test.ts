import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import type { Edit } from '../../../common/edits.ts';
import { NODE_INGEST_WORKER } from '../../../db/ingest/index.ts';
import { tempDir } from '../../../db/test-support/index.ts';
import { SourceImports } from './source-imports.ts';

// The receipt is what keeps a page from naming a file it did not have read: only a source read by
// this process, with the provenance measured here, may be added, and once.

test('a source is added only with a receipt this process gave, its provenance as measured, and once', async (t) => {
  const file = join(tempDir(t), 'magnets.md');
  writeFileSync(file, '# Magnets\n\n## Output\n\nOutput will reach 5,000 tons by 2030 [1].\n');
  const imports = new SourceImports({ dialogs: { chooseSource: async () => file }, worker: NODE_INGEST_WORKER });
  const preview = (await imports.importFromDialog())!;
  assert.equal(preview.provenance.fileName, 'magnets.md');
  const edit = (over: Partial<Edit<'source.add'>> = {}): Edit<'source.add'> => ({
    kind: 'source.add',
    receipt: preview.receipt,
    provenance: preview.provenance,
    headline: 'Magnets',
    headlineLanguage: null,
    titleTranslation: null,
    shortName: null,
    publisher: '',
    publishedOn: null,
    themes: [{ heading: 'Output', claims: ['Output will reach 5,000 tons by 2030 [1].'] }],
    ...over,
  });

  assert.throws(
    () => imports.checkReceipt(edit({ receipt: '00000000-0000-4000-8000-000000000001' })),
    /no longer open; import the source again/,
  );
  assert.throws(() => imports.checkReceipt(edit({ receipt: null })), /no longer open/);
  assert.throws(
    () => imports.checkReceipt(edit({ provenance: { ...preview.provenance, sha256: 'f'.repeat(64) } })),
    /not the one that was read/,
  );
  assert.throws(() => imports.checkReceipt(edit({ provenance: null })), /not the one that was read/);
  // The same provenance with its keys in another order is the same provenance.
  const { importedAt, ...rest } = preview.provenance;
  assert.doesNotThrow(() => imports.checkReceipt(edit({ provenance: { importedAt, ...rest } })));

  imports.spend(preview.receipt);
  assert.throws(() => imports.checkReceipt(edit()), /no longer open/, 'a receipt is good for one source');
});
