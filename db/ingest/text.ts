// Text in three layouts: the article layout (db/import's parser, tried first), Markdown (marked's
// lexer: headings, paragraphs, list items) and plain text (blank-line paragraphs; a short line with
// no full stop, "Group N" or "1." starts a theme). Pasted text takes the same path as a file.
import { Lexer, type Token, type Tokens } from 'marked';
import type { ParsedSource } from '../../common/parsed-source.ts';
import { parseArticle, type ParsedArticle } from '../import/index.ts';
import {
  finishSource,
  joinWrapped,
  Outline,
  readByline,
  scriptLanguage,
  tablesLeftOut,
  titleFromName,
  type SourceFacts,
} from './structure.ts';

/** The article layout as the shared structure: groups become themes, their claims keep markers and offsets. */
export function articleToSource(article: ParsedArticle): ParsedSource {
  return {
    headline: article.headline,
    headlineLanguage: scriptLanguage(article.headline),
    publisher: article.publisher || null,
    publishedOn: article.publishedOn,
    themes: article.groups.map((group) => ({
      heading: group.label,
      claims: group.claims.map((claim) => ({
        text: claim.text,
        citations: claim.citations.map((c) => c.marker),
        citationOffsets: claim.citations.map((c) => c.offset),
      })),
    })),
    warnings: [],
  };
}

/** The article layout when the text is in it, else null (its parser's refusal only means "not this layout"). */
export function tryArticle(text: string): ParsedSource | null {
  try {
    return articleToSource(parseArticle(text));
  } catch {
    return null;
  }
}

const normalise = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u2028\u2029]/g, '\n');

/** Whether text is written in Markdown: an ATX heading, or two of its other marks. */
export function looksLikeMarkdown(input: string): boolean {
  // Line by line, each pattern bounded: pasted text may be one line of two million characters.
  const lines = normalise(input).split('\n');
  const signals = new Set<string>();
  for (const [index, line] of lines.entries()) {
    if (/^ {0,3}#{1,6}[ \t]+\S/.test(line)) return true;
    if (index > 0 && /^ {0,3}(?:=+|-{2,})[ \t]*$/.test(line) && /\S/.test(lines[index - 1]!)) signals.add('setext heading');
    if (/^ {0,3}(?:```|~~~)/.test(line)) signals.add('fenced block');
    if (/\[[^\]\n]{1,200}\]\([^)\s]{1,500}\)/.test(line)) signals.add('link');
    if (/(\*\*|__)(?=\S)[^\n]{0,200}?\S\1/.test(line)) signals.add('strong emphasis');
    if (/^ {0,3}>[ \t]?\S/.test(line)) signals.add('block quote');
    if (/^ {0,3}[-*+][ \t]+\S/.test(line)) signals.add('bullet list');
    if (/^ {0,3}\|[^\n]*\|[ \t]*$/.test(line)) signals.add('table row');
    if (signals.size >= 2) return true;
  }
  return false;
}

// ---- Markdown ---------------------------------------------------------------------------------

/** The words of inline tokens; `<sup>1</sup>` is a footnote marker, an image is left out. */
function inlineText(tokens: readonly Token[] | undefined, state = { sup: false }): string {
  let out = '';
  for (const token of tokens ?? []) {
    switch (token.type) {
      case 'text':
      case 'escape':
      case 'codespan': {
        const t = token as Tokens.Text;
        const words = t.tokens ? inlineText(t.tokens, state) : decodeEntities(t.text);
        out += state.sup && /^\s*\d{1,3}\s*$/.test(words) ? `[${words.trim()}]` : words;
        break;
      }
      case 'strong':
      case 'em':
      case 'del':
      case 'link':
        out += inlineText((token as Tokens.Strong).tokens, state);
        break;
      case 'br':
        out += ' ';
        break;
      case 'html': {
        const raw = (token as Tokens.HTML).raw;
        if (/^<sup\b/i.test(raw)) state.sup = true;
        else if (/^<\/sup>/i.test(raw)) state.sup = false;
        else if (/^<br\b/i.test(raw)) out += ' ';
        break;
      }
      case 'image':
      case 'checkbox':
        break;
      default:
        out += inlineText((token as Tokens.Generic).tokens, state);
    }
  }
  return out;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : Number(name.slice(1));
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** A raw HTML block's words (Markdown lets HTML stand in): tags dropped, never parsed as a page. */
const htmlWords = (raw: string) => decodeEntities(raw.replace(/<!--[\s\S]*?-->/g, '').replace(/<[^>]*>/g, ' '));

function walkMarkdown(tokens: readonly Token[], outline: Outline, counts: { tables: number; code: number }): void {
  for (const token of tokens) {
    switch (token.type) {
      case 'heading':
        outline.heading(inlineText((token as Tokens.Heading).tokens));
        break;
      case 'paragraph':
        outline.claim(inlineText((token as Tokens.Paragraph).tokens));
        break;
      case 'text':
        outline.claim(inlineText([token]));
        break;
      case 'list':
        for (const item of (token as Tokens.List).items) {
          // An item's own words are a claim; a list inside it gives claims of its own.
          const own = item.tokens.filter((t) => t.type !== 'list');
          const blocks = own.filter((t) => t.type === 'paragraph' || t.type === 'heading' || t.type === 'blockquote');
          if (blocks.length > 0) walkMarkdown(own, outline, counts);
          else outline.claim(inlineText(own));
          walkMarkdown(
            item.tokens.filter((t) => t.type === 'list'),
            outline,
            counts,
          );
        }
        break;
      case 'blockquote':
        walkMarkdown((token as Tokens.Blockquote).tokens, outline, counts);
        break;
      case 'table':
        counts.tables++;
        break;
      case 'code':
        counts.code++;
        break;
      case 'html':
        outline.claim(htmlWords((token as Tokens.HTML).raw));
        break;
      default:
        break;
    }
  }
}

/** Markdown: the first level-1 heading is the headline, a byline under it gives publisher and date, later headings are themes. */
export function parseMarkdown(input: string, name: string | undefined): ParsedSource {
  // Footnote definitions ("[^1]: …") list sources; their markers in the text are what claims keep.
  const text = normalise(input).replace(/^ {0,3}\[\^\d{1,3}\]:.*$/gm, '');
  const tokens = Lexer.lex(text, { gfm: true });
  const facts: SourceFacts = { headline: null, headlineLanguage: null, publisher: null, publishedOn: null };
  let rest = tokens.filter((t) => t.type !== 'space');
  const first = rest[0];
  if (first?.type === 'heading' && (first as Tokens.Heading).depth === 1) {
    facts.headline = inlineText((first as Tokens.Heading).tokens);
    rest = rest.slice(1);
    const byline = rest[0]?.type === 'paragraph' ? readByline(inlineText((rest[0] as Tokens.Paragraph).tokens)) : null;
    if (byline) {
      facts.publisher = byline.publisher;
      facts.publishedOn = byline.publishedOn;
      rest = rest.slice(1);
    }
  }
  const outline = new Outline(titleFromName(name));
  const counts = { tables: 0, code: 0 };
  walkMarkdown(rest, outline, counts);
  const warnings: string[] = [];
  if (counts.tables > 0) warnings.push(tablesLeftOut(counts.tables));
  if (counts.code > 0) warnings.push(`${counts.code === 1 ? 'A code block was' : `${counts.code} code blocks were`} left out.`);
  return finishSource(facts, outline, name ?? '', warnings);
}

// ---- Plain text --------------------------------------------------------------------------------

const LIST_ITEM = /^(?:[-*•‣◦▪–—]|\(?\d{1,3}[.)]|\(?[a-z][.)])\s+(?=\S)/;
const NUMBERED_HEADING = /^(?:group\s+\d+\b|(?:chapter|section|part)\s+[\dIVX]+\b|\d+(?:\.\d+)*\.?\s+\S|[IVX]{1,5}\.\s+\S)/i;
const SALUTATION = /^(?:hi|hello|dear|good (?:morning|afternoon|evening))\b[^.!?\n]{0,60}[,!]?$/i;
const SIGN_OFF =
  /^(?:best|best wishes|regards|kind regards|best regards|warm regards|many thanks|thanks|thank you|cheers|sincerely|yours sincerely)[,.!]?$/i;

/** A line that reads as a heading: "Group 2", "3. Funding", or short, capitalised and without a final full stop. */
export function looksLikeHeading(line: string): boolean {
  const text = line.trim();
  if (text === '' || text.length > 100) return false;
  if (/^group\s+\d+\b/i.test(text)) return true;
  if (/[.,;!…]$/.test(text) && !/^\d+(?:\.\d+)*\.$/.test(text)) return false;
  if (!/\p{L}/u.test(text)) return false;
  if (NUMBERED_HEADING.test(text) && text.split(/\s+/).length <= 12) return true;
  if (/^[-*•‣◦▪–—]\s/.test(text)) return false;
  if (text === text.toUpperCase() && /\p{Lu}/u.test(text) && text.length <= 100) return true;
  return text.length <= 80 && text.split(/\s+/).length <= 12 && /^[\p{Lu}\p{Lo}\d"“‘'(]/u.test(text);
}

/** "Group 2 -" and "Funding:" as a theme's heading. */
const headingText = (line: string) =>
  line
    .trim()
    .replace(/\s+[-–—]$/, '')
    .replace(/:$/, '');

/** Plain text: blank-line paragraphs, heading-like lines start themes, list lines are claims of their own. */
export function parsePlainText(input: string, name: string | undefined): ParsedSource {
  let blocks = normalise(input)
    .replace(/\n-- ?\n[\s\S]*$/, '') // an e-mail signature
    .split(/\n[ \t]*\n/)
    .map((block) =>
      block
        .split('\n')
        .map((line) => line.replace(/^>+\s?/, '').trim())
        .filter((line) => line !== ''),
    )
    .filter((block) => block.length > 0);
  // An e-mail's greeting and its sign-off (with what follows: a name, a title) are not claims.
  if (blocks[0]?.length === 1 && SALUTATION.test(blocks[0][0]!)) blocks = blocks.slice(1);
  const signOff = blocks.findIndex((block) => SIGN_OFF.test(block[0]!));
  if (signOff > 0 && blocks.slice(signOff).every((block) => block.length <= 4 && block.every((line) => line.length <= 80)))
    blocks = blocks.slice(0, signOff);

  const facts: SourceFacts = { headline: null, headlineLanguage: null, publisher: null, publishedOn: null };
  const first = blocks[0];
  const titled =
    first !== undefined &&
    first[0]!.length <= 200 &&
    !LIST_ITEM.test(first[0]!) &&
    (first.length === 1 ? !/[.!;:,]$/.test(first[0]!) : headsBlock(first));
  if (titled) {
    facts.headline = first[0]!;
    blocks = first.length === 1 ? blocks.slice(1) : [first.slice(1), ...blocks.slice(1)];
    const byline = blocks[0] ? readByline(blocks[0][0]!) : null;
    if (byline) {
      facts.publisher = byline.publisher;
      facts.publishedOn = byline.publishedOn;
      blocks = blocks[0]!.length === 1 ? blocks.slice(1) : [blocks[0]!.slice(1), ...blocks.slice(1)];
    }
  }

  const outline = new Outline(name === undefined ? 'Imported text' : titleFromName(name));
  for (const block of blocks) {
    let lines = block;
    if (lines.length === 1 && looksLikeHeading(lines[0]!) && !isListBlock(lines)) {
      outline.heading(headingText(lines[0]!));
      continue;
    }
    if (lines.length > 1 && headsBlock(lines)) {
      outline.heading(headingText(lines[0]!));
      lines = lines.slice(1);
    }
    for (const claim of claimsOf(lines)) outline.claim(claim);
  }
  return finishSource(facts, outline, name ?? '');
}

/** Whether a one-line block is a list item standing alone ("- one point"), not a heading. */
const isListBlock = (lines: readonly string[]) => lines.length === 1 && /^[-*•‣◦▪–—]\s/.test(lines[0]!);

/** The first line of a block heads it: it looks like a heading, is much shorter than the text under it, and what follows starts a sentence or a list. */
function headsBlock(lines: readonly string[]): boolean {
  const [first, second] = [lines[0]!, lines[1]!];
  if (!looksLikeHeading(first) || /^[-*•‣◦▪–—]\s/.test(first)) return false;
  if (/^\p{Ll}/u.test(second)) return false;
  if (/^group\s+\d+\b/i.test(first) || LIST_ITEM.test(second)) return true;
  const longest = lines.slice(1).reduce((most, line) => Math.max(most, line.length), 0);
  return first.length < 0.6 * longest;
}

/** A block's claims: one paragraph, or one per list item (a line that does not start an item continues the one before). */
function claimsOf(lines: readonly string[]): string[] {
  if (!lines.some((line) => LIST_ITEM.test(line))) return [joinWrapped(lines)];
  const claims: string[][] = [];
  for (const line of lines) {
    if (LIST_ITEM.test(line) || claims.length === 0) claims.push([line.replace(LIST_ITEM, '')]);
    else claims.at(-1)!.push(line);
  }
  return claims.map(joinWrapped);
}

/** Text in whichever layout it is in: the article layout, Markdown, or plain text. Names the layout it read. */
export function parseText(text: string, name: string | undefined): { format: 'article' | 'markdown' | 'text'; source: ParsedSource } {
  const article = tryArticle(text);
  if (article) return { format: 'article', source: article };
  if (looksLikeMarkdown(text)) return { format: 'markdown', source: parseMarkdown(text, name) };
  return { format: 'text', source: parsePlainText(text, name) };
}
