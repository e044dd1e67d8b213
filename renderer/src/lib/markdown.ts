// Notes are Markdown. marked turns them into HTML (CommonMark + GFM, fast, no dependencies) and
// DOMPurify cuts that HTML down to a strict allowlist: text structure and links only. No images
// (so no request ever leaves, whatever the note says), no forms, scripts, styles, frames or event
// attributes, and links only to http(s) and mailto. The CSP forbids all of it as well; this is the
// first line, not the only one. An image is not dropped silently either: it is written as the text
// "[image: alt — address]", so the reader knows it was there and where it points.
import DOMPurify from 'dompurify';
import { Marked, type Tokens } from 'marked';
import { imageText } from '../../../common/export-document.ts';
import { boundNesting } from './markdown-bounds.ts';

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

const SAFE_LINK = /^(?:https?:|mailto:)/i;

const image = ({ href, text }: Tokens.Image) => escapeHtml(imageText(text, href));

/** The workspace's notes: links stay links (they leave through the shell's question). */
const markdown = new Marked({ gfm: true, breaks: true, async: false }, { renderer: { image } });

/**
 * Notes in the export (print view, PDF, HTML): a note's headings become bold lines, so a note
 * never adds a heading to the brief's outline or contents; a link is written as its words and its
 * address, which paper can show and the self-contained HTML export may hold (it holds no links out).
 */
const printMarkdown = new Marked(
  { gfm: true, breaks: true, async: false },
  {
    renderer: {
      image,
      heading({ tokens }) {
        return `<p class="note-heading"><strong>${this.parser.parseInline(tokens)}</strong></p>\n`;
      },
      link({ href, tokens }) {
        const label = this.parser.parseInline(tokens);
        if (!SAFE_LINK.test(href)) return label;
        const address = escapeHtml(href.replace(/^mailto:/i, ''));
        return label === address ? address : `${label} (${address})`;
      },
    },
  },
);

const ALLOWED_TAGS = [
  'p',
  'br',
  'hr',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'strong',
  'em',
  'del',
  'code',
  'pre',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
];

const purifier = DOMPurify(window);
purifier.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    // Links leave the app through the shell's "open in your browser?" question, never in this window.
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});

/**
 * An image written as HTML in the note (`<img src=… alt=…>`) becomes its text too. The HTML is read
 * into a template, whose content is inert: nothing in it loads.
 */
function imagesAsText(html: string): string {
  if (!/<img/i.test(html)) return html;
  const template = document.createElement('template');
  template.innerHTML = html;
  for (const img of template.content.querySelectorAll('img')) {
    img.replaceWith(document.createTextNode(imageText(img.getAttribute('alt') ?? '', img.getAttribute('src') ?? '')));
  }
  return template.innerHTML;
}

export interface RenderOptions {
  /** For the export: headings as bold lines, links as words and address. */
  print?: boolean;
}

/** A note as safe HTML. A note that cannot be rendered as Markdown is shown as its text, never as nothing. */
export function renderMarkdown(body: string, options: RenderOptions = {}): string {
  let html: string;
  try {
    html = (options.print ? printMarkdown : markdown).parse(boundNesting(body)) as string;
  } catch {
    return `<p>${escapeHtml(body).replace(/\r\n|\r|\n/g, '<br>')}</p>`;
  }
  return purifier.sanitize(imagesAsText(html), {
    ALLOWED_TAGS: options.print ? ALLOWED_TAGS.filter((tag) => tag !== 'a' && !/^h\d$/.test(tag)) : ALLOWED_TAGS,
    ALLOWED_ATTR: options.print ? [] : ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    ALLOW_DATA_ATTR: false,
  });
}
