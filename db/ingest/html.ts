// A web page saved from a browser, read as text only: a server-side DOM (linkedom, which runs no
// script and loads nothing), everything active or decorative taken out first (scripts, frames,
// objects, forms, images, navigation, ads, cookie banners, hidden text, <base>, <meta refresh>),
// then Mozilla's Readability picks the article; its headings become themes, its paragraphs and
// list items claims, its footnote markers citations. Word documents come through here too, as
// the HTML mammoth makes of them.
import { Readability } from '@mozilla/readability';
import { parseHTML } from 'linkedom';
import type { ParsedSource } from '../../common/parsed-source.ts';
import {
  bracketed,
  cleanText,
  finishSource,
  markerNumbers,
  Outline,
  primaryLanguage,
  readDate,
  tablesLeftOut,
  titleFromName,
  type SourceFacts,
} from './structure.ts';

/** The part of the DOM this reader uses (linkedom's nodes; the db layer has no DOM types). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  localName?: string;
  textContent: string | null;
  parentNode: DomNode | null;
  childNodes: ArrayLike<DomNode>;
  children?: ArrayLike<DomNode>;
  previousSibling: DomNode | null;
  getAttribute?(name: string): string | null;
  hasAttribute?(name: string): boolean;
  querySelector?(selector: string): DomNode | null;
  querySelectorAll?(selector: string): ArrayLike<DomNode>;
  remove?(): void;
  replaceWith?(...nodes: (DomNode | string)[]): void;
  closest?(selector: string): DomNode | null;
}
export interface DomDocument extends DomNode {
  documentElement: DomNode;
  body: DomNode | null;
  title: string;
  createTextNode(text: string): DomNode;
}

const ELEMENT = 1;
const TEXT = 3;

export const all = (root: DomNode, selector: string): DomNode[] => Array.from(root.querySelectorAll?.(selector) ?? []);
export const attr = (node: DomNode, name: string) => node.getAttribute?.(name) ?? null;
const tag = (node: DomNode) => (node.localName ?? node.nodeName).toLowerCase();

/** A page as a document, with nothing run and nothing fetched: linkedom only parses. */
export function parseDocument(html: string): DomDocument {
  return (parseHTML(html) as unknown as { document: DomDocument }).document;
}

/** The most elements a page may have for Readability to pick its article out. */
const READABILITY_ELEMENT_LIMIT = 30_000;

/** Elements that run, load, embed or ask for something: never part of what is read. */
const ACTIVE =
  'script, style, noscript, template, iframe, frame, frameset, object, embed, applet, portal, link, meta, base, form, button, input, select, textarea, option, svg, math, canvas, video, audio, source, track, picture, img, map, area, dialog';
/** Page furniture around an article. */
const FURNITURE =
  'nav, aside, menu, [role="navigation"], [role="banner"], [role="complementary"], [role="contentinfo"], [role="search"], [role="dialog"], [role="alertdialog"], [role="menu"], [role="menubar"], [role="toolbar"]';
/** Words in a class or id that mark an ad, a cookie or consent banner, a share bar, a sign-up box or a pop-up. */
const NOISE_WORD =
  /^(?:ad|ads|advert|adverts|advertisement|advertising|adslot|adunit|dfp|sponsor|sponsored|promo|promoted|cookie|cookies|consent|gdpr|cmp|newsletter|subscribe|signup|paywall|share|sharing|social|popup|modal|overlay|outbrain|taboola|breadcrumb|breadcrumbs|skip|skiplink)$/i;
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden|content-visibility\s*:\s*hidden)/i;
/** Lists of footnotes or references: their entries are sources, not claims. */
const FOOTNOTE_LISTS =
  'ol.references, .references, .reflist, .footnotes, .endnotes, section[role="doc-endnotes"], [role="doc-footnote"], [role="doc-endnote"], #footnotes, #endnotes, #references';

const isNoise = (node: DomNode) =>
  [attr(node, 'class') ?? '', attr(node, 'id') ?? ''].some((value) => value.split(/[\s_-]+/).some((word) => NOISE_WORD.test(word)));

/** Takes out everything that is not text to read. Returns what it found worth a warning. */
function strip(document: DomDocument): { scripts: number } {
  const scripts = all(document, 'script').filter((s) => !/ld\+json/i.test(attr(s, 'type') ?? '')).length;
  for (const node of all(document, ACTIVE)) node.remove?.();
  for (const node of all(document, FURNITURE)) node.remove?.();
  for (const node of all(document, '[hidden], [aria-hidden="true"], [style]')) {
    if (node.hasAttribute?.('hidden') || attr(node, 'aria-hidden') === 'true' || HIDDEN_STYLE.test(attr(node, 'style') ?? ''))
      node.remove?.();
  }
  for (const node of all(document, '[class], [id]')) if (tag(node) !== 'body' && tag(node) !== 'html' && isNoise(node)) node.remove?.();
  // A page's own header and footer hold its masthead and links; an article's header holds its headline, so it stays.
  for (const node of all(document, 'header, footer')) {
    if (tag(node) === 'footer' || !node.closest?.('article, main, [role="main"]')) {
      if (tag(node) === 'header' && node.querySelector?.('h1')) continue;
      node.remove?.();
    }
  }
  removeFootnoteLists(document);
  return { scripts };
}

/** Footnote and reference lists (a page's, or the one mammoth writes at a Word document's end): their entries are sources, not claims. */
export function removeFootnoteLists(document: DomDocument): void {
  for (const node of all(document, FOOTNOTE_LISTS)) node.remove?.();
  for (const node of all(document, 'li[id]')) {
    if (!/^(?:fn|footnote|endnote|cite_note|ref)[-_:]?\d/i.test(attr(node, 'id') ?? '')) continue;
    const list = node.parentNode;
    node.remove?.();
    if (list && Array.from(list.childNodes).every((child) => child.nodeType !== ELEMENT)) list.remove?.();
  }
}

/** The number(s) a footnote reference shows ("1", "[2]", "3,4"), or null when it is not one. */
function markerOf(text: string): number[] | null {
  const inner = /^\s*\[?\s*(\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*)\s*\]?\s*$/.exec(text);
  return inner ? markerNumbers(inner[1]!) : null;
}

/** A unit a superscript belongs to ("km<sup>2</sup>"): an exponent, not a footnote. */
const UNIT_BEFORE = /(?:^|[^\p{L}])(?:k?m|[cdm]m|ft|in|mi|yd|ha)$/u;

function precedingText(node: DomNode): string {
  let text = '';
  for (let sibling = node.previousSibling; sibling && text.length < 8; sibling = sibling.previousSibling)
    text = (sibling.textContent ?? '') + text;
  return text;
}

/** Footnote references (<sup>1</sup>, <a href="#fn1">[1]</a>) written as "[n]" text, so every later step keeps them. */
export function markFootnotes(document: DomDocument): void {
  for (const sup of all(document, 'sup')) {
    const text = sup.textContent ?? '';
    const numbers = markerOf(text);
    if (!numbers) continue;
    if ((text.trim() === '2' || text.trim() === '3') && UNIT_BEFORE.test(precedingText(sup))) {
      sup.replaceWith?.(document.createTextNode(text.trim() === '2' ? '²' : '³'));
      continue;
    }
    sup.replaceWith?.(document.createTextNode(bracketed(numbers)));
  }
  for (const link of all(document, 'a[href^="#"]')) {
    const numbers = markerOf(link.textContent ?? '');
    if (numbers && /(?:fn|note|ref|cite)/i.test(attr(link, 'href') ?? '')) link.replaceWith?.(document.createTextNode(bracketed(numbers)));
  }
}

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
]);
const SKIPPED = new Set(['pre', 'table', 'figure', 'hr', 'script', 'style', 'noscript', 'template']);

/** The words of inline content. */
function inlineText(node: DomNode): string {
  if (node.nodeType === TEXT) return node.textContent ?? '';
  if (node.nodeType !== ELEMENT) return '';
  const name = tag(node);
  if (name === 'br') return ' ';
  if (SKIPPED.has(name) || name === 'img') return '';
  let text = '';
  for (const child of Array.from(node.childNodes)) text += inlineText(child);
  return text;
}

export interface WalkOptions {
  /** Headings and paragraphs equal to these are not themes or claims (the headline, the byline). */
  skip: Set<string>;
  tables: number;
}

/** Walks block content in document order: headings start themes; runs of inline content (a paragraph, an item) are claims. */
export function walkBlocks(node: DomNode, outline: Outline, options: WalkOptions): void {
  let inline = '';
  const flush = () => {
    const text = cleanText(inline);
    inline = '';
    if (text !== '' && !options.skip.has(text)) outline.claim(text);
  };
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType !== ELEMENT || !BLOCK.has(tag(child))) {
      inline += inlineText(child);
      continue;
    }
    flush();
    const name = tag(child);
    if (/^h[1-6]$/.test(name)) {
      const text = cleanText(inlineText(child));
      if (!options.skip.has(text)) outline.heading(text);
    } else if (name === 'table') options.tables++;
    else if (!SKIPPED.has(name)) walkBlocks(child, outline, options);
    else if (name === 'figure') {
      // A figure's quotation is text; its picture and caption are not claims.
      for (const quote of all(child, 'blockquote')) walkBlocks(quote, outline, options);
    }
  }
  flush();
}

const meta = (document: DomDocument, ...keys: string[]): string | null => {
  for (const key of keys) {
    const node = document.querySelector?.(`meta[property="${key}"], meta[name="${key}"], meta[itemprop="${key}"]`);
    const content = node ? cleanText(attr(node, 'content') ?? '') : '';
    if (content) return content;
  }
  return null;
};

/** What JSON-LD (schema.org) says of the article: read as data with JSON.parse, never run. */
function jsonLd(document: DomDocument): { headline?: string; publisher?: string; datePublished?: string; inLanguage?: string } {
  for (const script of all(document, 'script[type="application/ld+json"]')) {
    let data: unknown;
    try {
      data = JSON.parse(script.textContent ?? '');
    } catch {
      continue;
    }
    const items = (Array.isArray(data) ? data : [data]).flatMap((item) =>
      item && typeof item === 'object' && Array.isArray((item as { '@graph'?: unknown })['@graph'])
        ? (item as { '@graph': unknown[] })['@graph']
        : [item],
    );
    for (const item of items) {
      if (!item || typeof item !== 'object') continue;
      const record = item as Record<string, unknown>;
      const type = String(record['@type'] ?? '');
      if (!/Article|Report|BlogPosting|NewsArticle|WebPage/i.test(type)) continue;
      const text = (value: unknown) => (typeof value === 'string' ? value : undefined);
      const publisher = record.publisher;
      return {
        headline: text(record.headline) ?? text(record.name),
        publisher:
          text(publisher) ?? (publisher && typeof publisher === 'object' ? text((publisher as Record<string, unknown>).name) : undefined),
        datePublished: text(record.datePublished),
        inLanguage: text(record.inLanguage),
      };
    }
  }
  return {};
}

/** The article's own heading: the first h1 of its article or main element, else of the page. */
function firstHeading(document: DomDocument): string | null {
  const scope = document.querySelector?.('article h1, main h1, [role="main"] h1') ?? document.querySelector?.('h1');
  const text = scope ? cleanText(inlineText(scope)) : '';
  return text || null;
}

/** A saved web page as a source. */
export function parseHtml(html: string, name: string): ParsedSource {
  const document = parseDocument(html);
  const ld = jsonLd(document);
  const facts: SourceFacts = {
    headline: null,
    headlineLanguage:
      primaryLanguage(attr(document.documentElement, 'lang')) ??
      primaryLanguage(meta(document, 'og:locale', 'language', 'content-language', 'dc.language')) ??
      primaryLanguage(ld.inLanguage),
    publisher: ld.publisher ?? meta(document, 'og:site_name', 'publisher', 'dc.publisher', 'citation_publisher', 'application-name'),
    publishedOn:
      readDate(ld.datePublished) ??
      readDate(
        meta(
          document,
          'article:published_time',
          'datePublished',
          'citation_publication_date',
          'dc.date',
          'date',
          'pubdate',
          'publish-date',
        ),
      ) ??
      readDate(attr(document.querySelector?.('article time[datetime], main time[datetime], time[datetime]') ?? document, 'datetime')),
  };
  const httpEquivLanguage = document.querySelector?.('meta[http-equiv="content-language" i]');
  facts.headlineLanguage ??= primaryLanguage(httpEquivLanguage ? attr(httpEquivLanguage, 'content') : null);
  const pageTitle = cleanText(document.title ?? '');
  const { scripts } = strip(document);
  markFootnotes(document);
  facts.headline =
    firstHeading(document) ?? (ld.headline ? cleanText(ld.headline) : null) ?? meta(document, 'og:title') ?? (pageTitle || null);

  const warnings: string[] = [];
  if (scripts > 0) warnings.push(`The page's ${scripts === 1 ? 'script was' : `${scripts} scripts were`} not run; only its text was read.`);
  const skip = new Set<string>(facts.headline ? [facts.headline] : []);
  const outline = new Outline(titleFromName(name));
  const walk: WalkOptions = { skip, tables: 0 };

  // Readability picks the article out of what is left; its nodes are walked as they are (no HTML is re-parsed).
  let article: ReturnType<Readability<DomNode>['parse']> = null;
  // Readability weighs every element against every other; a page of tens of thousands (a long
  // report saved as one page) is walked as it stands once the furniture is gone, within the time limit.
  if (all(document, '*').length <= READABILITY_ELEMENT_LIMIT)
    try {
      const reader = new Readability<DomNode>(document as never, {
        charThreshold: 200,
        keepClasses: false,
        serializer: (node) => node as unknown as DomNode,
      });
      article = reader.parse();
    } catch {
      article = null;
    }
  if (article?.byline) skip.add(cleanText(article.byline));
  if (article?.content) walkBlocks(article.content, outline, walk);
  if (outline.claimCount === 0 && document.body) {
    // Too little for Readability to call it an article: the cleaned page as it stands.
    walkBlocks(document.body, outline, walk);
  }
  facts.headline ??= article?.title ? cleanText(article.title) : null;
  facts.publisher ??= article?.siteName ? cleanText(article.siteName) : null;
  facts.publishedOn ??= readDate(article?.publishedTime ?? null);
  facts.headlineLanguage ??= primaryLanguage(article?.lang ?? null);
  if (walk.tables > 0) warnings.push(tablesLeftOut(walk.tables));
  return finishSource(facts, outline, name, warnings);
}
