import { Lexer, type Token, type Tokens } from 'marked';
import { imageText } from '../../common/export-document.ts';
import { CONTROLS, LINE_BREAKS, escapeMarkdown } from './escape.ts';

// A note in the Markdown export. Notes are Markdown already, and an analyst's lists, emphasis and
// links should survive into a Markdown file; but a note must never reach outside its place. So the
// note is read with the same parser the workspace renders it with (marked), and written again from
// an allowlist, the one the workspace's DOMPurify keeps: paragraphs, emphasis, code, quotes, lists,
// tables and http(s)/mailto links. Headings become bold lines (a note never adds a heading to the
// brief), raw HTML is written as the characters typed, an image becomes the text
// "[image: alt — address]" (never loaded, never dropped), and every piece of text is escaped. The
// caller nests the lines in a blockquote, which closes any fence or list a note leaves open.

/** How deep quotes and lists are rebuilt; deeper content is written as plain text. */
const MAX_DEPTH = 8;
const SAFE_LINK = /^(?:https?:|mailto:)/i;

const lexer = () => new Lexer({ gfm: true, breaks: true });

/** An attribute of an HTML tag as written ("alt", "src"), or ''. */
const attribute = (tag: string, name: string) =>
  new RegExp(`\\s${name}\\s*=\\s*(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`, 'i')
    .exec(tag)
    ?.slice(1)
    .find((v) => v !== undefined) ?? '';

/**
 * "[image: alt — address]" in Markdown; the address as an autolink where it is a web address:
 * written as plain text before an escaped "]", GFM's autolinking would take the bracket into it.
 */
function imageMarkdown(alt: string, address: string): string {
  const link = SAFE_LINK.test(address) && !/[<>\s]/.test(address) ? `<${address}>` : escapeMarkdown(address);
  const [before] = imageText(alt, '\u0000').split('\u0000');
  return `${escapeMarkdown(before!)}${link}\\]`;
}

/** Raw HTML as the characters typed, except that an image tag is written as the workspace writes it: "[image: alt — address]". */
const htmlMarkdown = (raw: string) =>
  raw
    .split(/(<img\b[^>]*>)/i)
    .map((part, i) => (i % 2 === 1 ? imageMarkdown(attribute(part, 'alt'), attribute(part, 'src')) : escapeMarkdown(part)))
    .join('');

/** The note as Markdown lines, ready to be nested; a note that cannot be read is written as its text. */
export function noteMarkdown(body: string): string[] {
  try {
    return blocks(lexer().lex(body), 0);
  } catch {
    return plainLines(body);
  }
}

/** The note's lines as literal text, each ending in a hard break so its lines stay lines. */
function plainLines(text: string, escape: (line: string) => string = escapeMarkdown): string[] {
  const lines = text.split(LINE_BREAKS).map(escape);
  return lines.map((line, i) => (i < lines.length - 1 && line !== '' ? `${line}\\` : line));
}

function blocks(tokens: readonly Token[], depth: number): string[] {
  const out: string[] = [];
  for (const token of tokens) {
    const lines = block(token, depth);
    if (lines.length === 0) continue;
    // A blank line between blocks: a line of dashes after a paragraph is never read as its underline.
    if (out.length > 0) out.push('');
    out.push(...lines);
  }
  return out;
}

function block(token: Token, depth: number): string[] {
  switch (token.type) {
    case 'space':
    case 'def':
      // Reference links are resolved into the links that use them; the definition itself prints nothing.
      return [];
    case 'paragraph':
    case 'text':
      return inlineLines('tokens' in token && token.tokens ? token.tokens : [{ type: 'text', raw: token.raw, text: token.text } as Token]);
    case 'heading':
      return inlineLines((token as Tokens.Heading).tokens).map((line) => (line ? `**${line}**` : line));
    case 'code': {
      const text = (token as Tokens.Code).text.replace(CONTROLS, '');
      const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
      const fence = '`'.repeat(Math.max(3, longest + 1));
      return [fence, ...text.split(LINE_BREAKS), fence];
    }
    case 'blockquote':
      if (depth >= MAX_DEPTH) return plainLines(token.raw);
      return blocks((token as Tokens.Blockquote).tokens, depth + 1).map((line) => (line ? `> ${line}` : '>'));
    case 'list': {
      if (depth >= MAX_DEPTH) return plainLines(token.raw);
      const list = token as Tokens.List;
      const start = typeof list.start === 'number' ? list.start : 1;
      const out: string[] = [];
      list.items.forEach((item, i) => {
        const marker = list.ordered ? `${start + i}.` : '-';
        const lines = blocks(
          item.tokens.filter((t) => t.type !== 'checkbox'),
          depth + 1,
        );
        const box = item.task ? (item.checked ? '\\[x\\] ' : '\\[ \\] ') : '';
        if (list.loose && i > 0) out.push('');
        const indent = ' '.repeat(marker.length + 1);
        (lines.length > 0 ? lines : ['']).forEach((line, l) =>
          out.push(l === 0 ? `${marker} ${box}${line}` : line ? `${indent}${line}` : ''),
        );
      });
      return out;
    }
    case 'table': {
      const table = token as Tokens.Table;
      const cell = (c: Tokens.TableCell) => inlineLines(c.tokens).join(' ') || ' ';
      return [
        `| ${table.header.map(cell).join(' | ')} |`,
        `| ${table.align.map((a) => (a === 'center' ? ':---:' : a === 'right' ? '---:' : a === 'left' ? ':---' : '---')).join(' | ')} |`,
        ...table.rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
      ];
    }
    case 'hr':
      return ['---'];
    case 'html':
      return plainLines(token.raw, htmlMarkdown);
    default:
      // Anything else: the characters as typed.
      return plainLines(token.raw);
  }
}

/** Inline tokens as Markdown text; a hard break ends a line. */
function inlineLines(tokens: readonly Token[]): string[] {
  return inline(tokens).split('\n');
}

function inline(tokens: readonly Token[]): string {
  return tokens
    .map((token): string => {
      switch (token.type) {
        case 'text':
          return 'tokens' in token && token.tokens ? inline(token.tokens) : escapeMarkdown(token.text);
        case 'escape':
          return escapeMarkdown(token.text);
        case 'strong':
          return `**${inline((token as Tokens.Strong).tokens)}**`;
        case 'em':
          return `*${inline((token as Tokens.Em).tokens)}*`;
        case 'del':
          return `~~${inline((token as Tokens.Del).tokens)}~~`;
        case 'codespan': {
          const text = (token as Tokens.Codespan).text.replace(LINE_BREAKS, ' ').replace(CONTROLS, '');
          const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
          const fence = '`'.repeat(longest + 1);
          const pad = /^[` ]|[` ]$/.test(text) ? ' ' : '';
          return `${fence}${pad}${text}${pad}${fence}`;
        }
        case 'br':
          return '\\\n';
        case 'link': {
          const link = token as Tokens.Link;
          const label = inline(link.tokens);
          if (!SAFE_LINK.test(link.href)) return label;
          // An address in angle brackets may hold anything but brackets and line breaks; those are percent-encoded.
          const href = link.href.replace(/[<>\s\\]/g, (c) => encodeURIComponent(c)).replace(CONTROLS, '');
          return `[${label}](<${href}>)`;
        }
        case 'image': {
          const image = token as Tokens.Image;
          return imageMarkdown(image.text, image.href);
        }
        case 'html':
          return htmlMarkdown(token.raw);
        default:
          // Anything else: the characters as typed.
          return escapeMarkdown(token.raw);
      }
    })
    .join('');
}
