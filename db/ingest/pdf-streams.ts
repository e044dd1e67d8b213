// A PDF's compressed streams measured before PDF.js sees them. PDF.js decodes a stream into one
// growing typed array, which lives outside V8's heap and so outside the worker's heap cap: a
// FlateDecode stream that inflates to gigabytes ("a zip bomb") would take the machine's memory
// before any time limit struck. Every stream a text reader may decode (not pictures: the text
// layer never decodes them) is measured here, each stopped at its limit, so such a file is refused
// with a sentence instead. LZW and run-length streams are counted without being materialised.
import { constants, inflateSync } from 'node:zlib';
import { StoreError } from '../../common/errors.ts';

/** The most one stream (a page's content, a font, an object stream) may decode to. */
export const PDF_STREAM_LIMIT_BYTES = 64 * 1024 ** 2;
/** The most all measured streams together may decode to. */
export const PDF_STREAMS_TOTAL_LIMIT_BYTES = 512 * 1024 ** 2;

class TooLarge extends Error {}

const FILTER_NAMES: Record<string, string> = {
  Fl: 'FlateDecode',
  LZW: 'LZWDecode',
  RL: 'RunLengthDecode',
  AHx: 'ASCIIHexDecode',
  A85: 'ASCII85Decode',
};

/** The filters a stream's dictionary names, in the order they are applied. */
function filtersOf(dictionary: string): string[] {
  const match = /\/Filter\s*(\/[A-Za-z0-9]+|\[([^\]]*)\])/.exec(dictionary);
  if (!match) return [];
  const names = (match[2] ?? match[1]!).match(/\/[A-Za-z0-9]+/g) ?? [];
  return names.map((name) => FILTER_NAMES[name.slice(1)] ?? name.slice(1));
}

function inflateAtMost(data: Buffer, limit: number): Buffer | null {
  try {
    // A damaged or truncated stream is inflated as far as it goes, as PDF.js does.
    return inflateSync(data, { maxOutputLength: limit, finishFlush: constants.Z_SYNC_FLUSH });
  } catch (error) {
    if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    return null;
  }
}

/** The length run-length data decodes to, counted (at most `limit`). */
function runLengthSize(data: Buffer, limit: number): number {
  let size = 0;
  for (let i = 0; i < data.length;) {
    const length = data[i]!;
    if (length === 128) break;
    if (length < 128) {
      size += length + 1;
      i += length + 2;
    } else {
      size += 257 - length;
      i += 2;
    }
    if (size > limit) throw new TooLarge();
  }
  return size;
}

/** The length LZW data decodes to, counted from the lengths of its dictionary's strings (at most `limit`). */
function lzwSize(data: Buffer, limit: number, earlyChange = 1): number {
  const lengths = new Uint32Array(4096);
  let next = 258;
  let width = 9;
  let previous = -1;
  let size = 0;
  let bits = 0;
  let buffer = 0;
  for (let i = 0; i < data.length; i++) {
    buffer = ((buffer << 8) | data[i]!) >>> 0;
    bits += 8;
    while (bits >= width) {
      const code = (buffer >>> (bits - width)) & ((1 << width) - 1);
      bits -= width;
      buffer &= (1 << bits) - 1;
      if (code === 256) {
        next = 258;
        width = 9;
        previous = -1;
        continue;
      }
      if (code === 257) return size;
      let length: number;
      if (code < 256) length = 1;
      else if (code < next) length = lengths[code]!;
      else if (code === next && previous >= 0) length = (previous < 256 ? 1 : lengths[previous]!) + 1;
      else return size;
      if (previous >= 0 && next < 4096) {
        lengths[next] = (previous < 256 ? 1 : lengths[previous]!) + 1;
        next++;
      }
      previous = code;
      size += length;
      if (size > limit) throw new TooLarge();
      if (next + earlyChange >= 1 << width && width < 12) width++;
    }
  }
  return size;
}

/** How large a stream decodes to, as far as its filters can be measured; throws TooLarge past `limit`. */
function decodedSize(data: Buffer, filters: readonly string[], limit: number): number {
  let current = data;
  for (const [index, filter] of filters.entries()) {
    const last = index === filters.length - 1;
    if (filter === 'FlateDecode') {
      const inflated = inflateAtMost(current, limit);
      if (!inflated) return current.length;
      current = inflated;
    } else if (filter === 'RunLengthDecode' && last) return runLengthSize(current, limit);
    else if (filter === 'LZWDecode' && last) return lzwSize(current, limit);
    else if (filter === 'ASCIIHexDecode' || filter === 'ASCII85Decode') {
      // These only ever shrink (hex) or grow by at most four times (ASCII85's "z").
      if (last) return filter === 'ASCII85Decode' ? Math.min(current.length * 4, limit) : current.length;
      return current.length;
    } else return current.length;
  }
  return current.length;
}

const JAVASCRIPT = /\/(?:JS|JavaScript)(?![A-Za-z0-9])/;

export interface PdfScan {
  /** The file carries JavaScript (an /OpenAction, a link, a form field); PDF.js never runs it. */
  javascript: boolean;
}

/**
 * Measures every stream a text reader may decode; refuses the file with a sentence when one
 * decodes to more than PDF_STREAM_LIMIT_BYTES, or all of them to more than the total limit.
 */
export function scanPdfStreams(pdf: Buffer, name: string): PdfScan {
  const refuse = (all: boolean) =>
    new StoreError(
      'bad-article',
      all
        ? `${name} holds compressed parts that expand to more than ${PDF_STREAMS_TOTAL_LIMIT_BYTES / 1024 ** 2} MB in all, more than Briefing Desk reads from one PDF; split the report and import the part you need.`
        : `${name} holds a compressed part that expands to more than ${PDF_STREAM_LIMIT_BYTES / 1024 ** 2} MB, which is how a file is made to exhaust memory, so Briefing Desk did not read it; ask the sender for an ordinary export of the report.`,
    );
  let javascript = JAVASCRIPT.test(pdf.toString('latin1'));
  let total = 0;
  let at = 0;
  for (;;) {
    at = pdf.indexOf('stream', at, 'latin1');
    if (at < 0) break;
    const after = at + 6;
    // "endstream" is the end of one, and the keyword is followed by an end of line.
    if (at >= 3 && pdf.toString('latin1', at - 3, at) === 'end') {
      at = after;
      continue;
    }
    let dataStart = after;
    if (pdf[dataStart] === 0x0d) dataStart++;
    if (pdf[dataStart] === 0x0a) dataStart++;
    if (dataStart === after) {
      at = after;
      continue;
    }
    const objectStart = pdf.lastIndexOf('obj', at, 'latin1');
    const dictionary = objectStart >= 0 && at - objectStart <= 65_536 ? pdf.toString('latin1', objectStart, at) : '';
    const end = pdf.indexOf('endstream', dataStart, 'latin1');
    const data = pdf.subarray(dataStart, end < 0 ? pdf.length : end);
    if (!/\/Subtype\s*\/Image\b/.test(dictionary)) {
      const filters = filtersOf(dictionary);
      if (filters.length > 0) {
        const limit = Math.min(PDF_STREAM_LIMIT_BYTES, PDF_STREAMS_TOTAL_LIMIT_BYTES - total);
        try {
          total += decodedSize(data, filters, limit);
        } catch (error) {
          if (error instanceof TooLarge) throw refuse(limit < PDF_STREAM_LIMIT_BYTES);
          throw error;
        }
        // An object stream holds objects of its own, a script among them perhaps.
        if (!javascript && /\/Type\s*\/ObjStm\b/.test(dictionary) && filters.length === 1 && filters[0] === 'FlateDecode') {
          const objects = inflateAtMost(data, PDF_STREAM_LIMIT_BYTES);
          if (objects && JAVASCRIPT.test(objects.toString('latin1'))) javascript = true;
        }
      }
    }
    if (end < 0) break;
    at = end + 9;
  }
  return { javascript };
}
