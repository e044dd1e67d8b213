import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { randomUUID } from 'node:crypto';
import { ingestFile, ingestText, INGEST_SIZE_LIMIT_BYTES, type IngestResult } from '../../../db/ingest/index.ts';
import type { WorkerLauncher } from '../../../db/receive/index.ts';
import { StoreError } from '../../../common/errors.ts';
import type { Edit } from '../../../common/edits.ts';
import type { SourcePreview } from '../../../common/ipc/contract.ts';
import type { SourceProvenance } from '../../../common/model.ts';

// File > Import source…, a file dropped on the window, text pasted: each read by the ingest room's
// isolated reader into a preview the analyst adjusts before adding it to the brief. The preview
// carries a receipt: the edit that adds the source must bring it back with the provenance this
// process measured (name, size, SHA-256), so a page cannot claim a source came from a file it
// did not.

export interface SourceDialogs {
  chooseSource(): Promise<string | null>;
}

export interface SourceImportsOptions {
  dialogs: SourceDialogs;
  /** Starts the reader's process: a utility process in Electron, plain Node elsewhere. */
  worker: WorkerLauncher;
}

/** How many previews stay redeemable: an analyst has one import open at a time, a few left behind at most. */
const RECEIPTS_KEPT = 16;

export class SourceImports {
  readonly #options: SourceImportsOptions;
  readonly #receipts = new Map<string, SourceProvenance>();

  constructor(options: SourceImportsOptions) {
    this.#options = options;
  }

  async importFromDialog(): Promise<SourcePreview | null> {
    const path = await this.#options.dialogs.chooseSource();
    return path ? this.#preview(await ingestFile(path, this.#options.worker)) : null;
  }

  /** A file dropped on the window, as its bytes (the page has no path to give, and needs none). */
  async importFile(name: string, base64: string): Promise<SourcePreview> {
    const bytes = Buffer.from(base64, 'base64');
    if (bytes.length > INGEST_SIZE_LIMIT_BYTES)
      throw new StoreError(
        'bad-article',
        `${name} is larger than ${INGEST_SIZE_LIMIT_BYTES / 1024 ** 2} MB; split it and import the part you need.`,
      );
    const folder = mkdtempSync(join(tmpdir(), 'briefing-drop-'));
    try {
      const path = join(folder, 'dropped');
      writeFileSync(path, bytes, { mode: 0o600, flag: 'wx' });
      return this.#preview(await ingestFile(path, this.#options.worker, { name }));
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }

  async importText(text: string): Promise<SourcePreview> {
    if (text.trim() === '') throw new StoreError('empty', 'There is no text to import; copy the source’s text first, then paste it.');
    return this.#preview(await ingestText(text, 'Pasted text', this.#options.worker));
  }

  /** Refuses an added source whose receipt this process did not give, or whose provenance is not the one measured. */
  checkReceipt(edit: Edit<'source.add'>): void {
    const known = edit.receipt === null ? undefined : this.#receipts.get(edit.receipt);
    if (!known) throw new StoreError('out-of-turn', 'This import is no longer open; import the source again, then add it.');
    if (!isDeepStrictEqual(known, edit.provenance))
      throw new StoreError('invalid-input', 'The file named with this source is not the one that was read; import it again.', 'provenance');
  }

  /** A receipt is good for one source: once it is added, adding it again needs a new import. */
  spend(receipt: string | null): void {
    if (receipt !== null) this.#receipts.delete(receipt);
  }

  #preview({ format, source, provenance }: IngestResult): SourcePreview {
    const receipt = randomUUID();
    const kept: SourceProvenance = {
      fileName: provenance.name,
      size: provenance.size,
      sha256: provenance.sha256,
      format,
      importedAt: provenance.importedAt,
    };
    this.#receipts.set(receipt, kept);
    while (this.#receipts.size > RECEIPTS_KEPT) this.#receipts.delete(this.#receipts.keys().next().value!);
    return { receipt, provenance: kept, source };
  }
}
