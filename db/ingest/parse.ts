// One file's bytes to the shared structure, by what the bytes are: runs inside the ingest worker.
import { decodeText, detectContainer } from './detect.ts';
import { parseDocx } from './docx.ts';
import { parseHtml } from './html.ts';
import { parsePdf } from './pdf.ts';
import { requireClaims, type ParsedFile } from './structure.ts';
import { parseText } from './text.ts';

export type { ParsedFile };

/** Reads a source file's bytes as whichever format they are (never chosen by the name's extension). */
export async function parseSourceBytes(bytes: Buffer, name: string): Promise<ParsedFile> {
  const container = detectContainer(bytes, name);
  let parsed: ParsedFile;
  if (container === 'pdf') parsed = { format: 'pdf', source: await parsePdf(bytes, name) };
  else if (container === 'zip') parsed = { format: 'docx', source: await parseDocx(bytes, name) };
  else if (container === 'html') parsed = { format: 'html', source: parseHtml(decodeText(bytes), name) };
  else parsed = parseText(decodeText(bytes), name);
  return requireClaims(parsed, name);
}
