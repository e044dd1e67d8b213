// Notes are Markdown. marked turns them into HTML (CommonMark + GFM, fast, no dependencies) and
// DOMPurify cuts that HTML down to a strict allowlist: text structure and links only. No images
// (so no request ever leaves, whatever the note says), no forms, scripts, styles, frames or event
// attributes, and links only to http(s) and mailto. The CSP forbids all of it as well; this is the
// first line, not the only one.
import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { boundNesting } from './markdown-bounds.ts';

const markdown = new Marked({ gfm: true, breaks: true, async: false });

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

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** A note as safe HTML. A note that cannot be rendered as Markdown is shown as its text, never as nothing. */
export function renderMarkdown(body: string): string {
  let html: string;
  try {
    html = markdown.parse(boundNesting(body)) as string;
  } catch {
    return `<p>${escapeHtml(body).replace(/\r\n|\r|\n/g, '<br>')}</p>`;
  }
  return purifier.sanitize(html, {
    ALLOWED_TAGS,
    ALLOWED_ATTR: ['href', 'title'],
    ALLOWED_URI_REGEXP: /^(?:https?:|mailto:)/i,
    ALLOW_DATA_ATTR: false,
  });
}
