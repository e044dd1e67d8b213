// What a file is, told by its bytes (never by its name alone), and its text decoded.
import { StoreError } from '../../common/errors.ts';

export type Container = 'pdf' | 'zip' | 'html' | 'text';

const startsWith = (bytes: Buffer, magic: readonly number[], at = 0) => magic.every((byte, i) => bytes[at + i] === byte);
const refuse = (message: string) => new StoreError('bad-article', message);
const READS = 'Briefing Desk reads web pages saved as HTML, PDF reports, Word documents (.docx), Markdown and plain text';

/** The kind of container a file is, from its first bytes; refuses, with a sentence, what no reader takes. */
export function detectContainer(bytes: Buffer, name: string): Container {
  // A PDF's header may follow a little junk (the specification allows 1,024 bytes of it).
  if (bytes.subarray(0, 1024).includes('%PDF-')) return 'pdf';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return 'zip';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))
    throw refuse(`${name} is an older Word or Office file (.doc); open it in Word, save it as .docx and import that.`);
  if (bytes.subarray(0, 5).toString('latin1') === '{\\rtf')
    throw refuse(`${name} is a Rich Text (.rtf) file; open it in Word, save it as .docx and import that.`);
  if (
    startsWith(bytes, [0x89, 0x50, 0x4e, 0x47]) ||
    startsWith(bytes, [0xff, 0xd8, 0xff]) ||
    bytes.subarray(0, 4).toString('latin1') === 'GIF8' ||
    (bytes.subarray(0, 4).toString('latin1') === 'RIFF' && bytes.subarray(8, 12).toString('latin1') === 'WEBP')
  )
    throw refuse(`${name} is a picture, not text; ${READS}.`);
  const top = bytes.subarray(0, 4096).toString('latin1');
  if (/^MIME-Version:/im.test(top) && /multipart\/related/i.test(top))
    throw refuse(`${name} is a web archive (.mht); open it in the browser, save it as "Web page, HTML only" and import that.`);
  const text = decodeText(bytes.subarray(0, 4096));
  if (isBinary(bytes.subarray(0, 8192), text))
    throw refuse(`${name} is not a format Briefing Desk reads; ${READS}, so save it as one of those and import that.`);
  const head = text
    .replace(/^\uFEFF/, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .trimStart()
    .slice(0, 1024)
    .toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html') || /<html[\s>]/.test(head) || /^<\?xml[^>]*>\s*<html/.test(head))
    return 'html';
  // A page's fragment (copied HTML): it opens with an element a page is made of.
  if (/^<(?:head|body|meta|title|article|main|section|div|p|h[1-6]|ul|ol|table)[\s>]/.test(head)) return 'html';
  return 'text';
}

/** NUL bytes (outside UTF-16) or many control characters: not text. */
function isBinary(bytes: Buffer, decoded: string): boolean {
  if (utf16(bytes)) return false;
  if (bytes.includes(0)) return true;
  // eslint-disable-next-line no-control-regex
  const controls = decoded.match(/[\u0001-\u0008\u000E-\u001A\u001C-\u001F]/g)?.length ?? 0;
  return controls > decoded.length / 20;
}

function utf16(bytes: Buffer): 'utf-16le' | 'utf-16be' | null {
  if (startsWith(bytes, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(bytes, [0xfe, 0xff])) return 'utf-16be';
  // ASCII text in UTF-16 without a byte order mark: every other byte is zero.
  const sample = bytes.subarray(0, 64);
  if (sample.length >= 8) {
    const evenZero = sample.filter((_, i) => i % 2 === 0 && sample[i] === 0).length;
    const oddZero = sample.filter((_, i) => i % 2 === 1 && sample[i] === 0).length;
    if (oddZero >= sample.length / 2 - 1 && evenZero === 0) return 'utf-16le';
    if (evenZero >= sample.length / 2 - 1 && oddZero === 0) return 'utf-16be';
  }
  return null;
}

/** The charset a page declares in its first kilobyte (<meta charset>, or http-equiv Content-Type). */
function declaredCharset(bytes: Buffer): string | null {
  const head = bytes.subarray(0, 1024).toString('latin1');
  const match = /<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)/i.exec(head);
  return match ? match[1]!.toLowerCase() : null;
}

/** Text in its encoding: a byte order mark, a page's declared charset, UTF-8, or else Windows-1252 (what older Western files are). */
export function decodeText(bytes: Buffer): string {
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return new TextDecoder('utf-8').decode(bytes.subarray(3));
  const wide = utf16(bytes);
  if (wide) return new TextDecoder(wide).decode(bytes.subarray(startsWith(bytes, [0xff, 0xfe]) || startsWith(bytes, [0xfe, 0xff]) ? 2 : 0));
  const charset = declaredCharset(bytes);
  if (charset && charset !== 'utf-8' && charset !== 'utf8') {
    try {
      return new TextDecoder(charset).decode(bytes);
    } catch {
      // An unknown label: read it as UTF-8 below.
    }
  }
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
