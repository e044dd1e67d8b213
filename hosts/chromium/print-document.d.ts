import type { ExportDocument } from '../../db/export/model.ts';
/**
 * Prints a composed brief outside the app (the CLI): the same print.html, the same Chromium
 * print path and page frame as the Chromium host. Returns the PDF and the HTML snapshot.
 */
export declare function printDocument(doc: ExportDocument, wantPdf: boolean): Promise<{
    pdf: Uint8Array | null;
    html: string;
}>;
