import type { ExportDocument } from '../../common/export-document.ts';

// The brief as CommonMark. Everything the user wrote is escaped, so a note holding HTML or
// Markdown syntax comes out as the characters they typed, never as markup.

/** Every way a line can end (CommonMark reads CR, LF and CRLF; editors also break at NEL, LS and PS). */
const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/g;
/** Other control characters: they mean nothing in a document and some terminals and viewers act on them. */
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROLS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/**
 * Text as one line of literal characters: every line ending becomes a space (a lone CR once turned
 * a claim into a heading and a code block), controls are dropped, every ASCII punctuation mark that
 * can start markup is backslash-escaped (CommonMark allows it for any), and a leading marker that
 * would start a list or a setext underline is escaped too.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(LINE_BREAKS, ' ')
    .replace(CONTROLS, '')
    .replace(/\t/g, ' ')
    .replace(/[\\`*_[\]<>|#~!&]/g, (c) => `\\${c}`)
    .replace(/^(\s*)([-+=])/, '$1\\$2')
    .replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

const citations = (markers: readonly number[]) => markers.map((m) => `\\[${m}\\]`).join('');

export function toMarkdown(doc: ExportDocument): string {
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  if (doc.marking) out.push(`**${escapeMarkdown(doc.marking)}**`, '');
  const byline = [doc.author, doc.date].filter(Boolean).map(escapeMarkdown).join(' · ');
  if (byline) out.push(byline, '');
  if (doc.source) {
    out.push(
      `> Source: ${escapeMarkdown(doc.source.publisher)}, ${escapeMarkdown(doc.source.published)}: ${escapeMarkdown(doc.source.headline)}`,
    );
    if (doc.source.translation)
      out.push(
        '>',
        `> Translation (${escapeMarkdown(doc.source.translationNote ?? 'not part of the source')}): ${escapeMarkdown(doc.source.translation)}`,
      );
    out.push('');
  }
  if (doc.empty) {
    out.push('_This brief is empty: nothing was chosen for it yet._', '');
    return out.join('\n');
  }
  if (doc.sections.length > 0) {
    out.push('## Contents', '', ...doc.sections.map((s, i) => `${i + 1}. ${escapeMarkdown(s.heading)}`), '');
  }
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.heading)}`, '');
    for (const claim of section.claims)
      out.push(`**${claim.number}** ${escapeMarkdown(claim.text)}${claim.citations.length ? ` ${citations(claim.citations)}` : ''}`, '');
  }
  if (doc.indicators.length > 0) {
    out.push('## Indicators', '', '| Indicator | Value | Unit | As of | Source claim |', '| --- | --- | --- | --- | --- |');
    for (const i of doc.indicators) {
      const value = i.history.length > 1 ? i.history.map((h) => h.value).join(' → ') : i.value;
      out.push(`| ${[i.name, value, i.unit, i.asOf, i.claimNumber ?? '—'].map(escapeMarkdown).join(' | ')} |`);
    }
    out.push('');
  }
  if (doc.references.length > 0 && doc.source) {
    out.push(
      '## References',
      '',
      `Reference numbers are those of the source: ${escapeMarkdown(doc.source.publisher)}, ${escapeMarkdown(doc.source.published)}.`,
      '',
    );
    for (const r of doc.references) out.push(`- \\[${r.marker}\\] cited in ${r.citedBy.join(', ')}`);
    out.push('');
  }
  if (doc.annotations.length > 0) {
    out.push('## Annotations', '');
    for (const a of doc.annotations)
      out.push(
        `- ${escapeMarkdown(a.target)}: “${escapeMarkdown(a.quote)}”${a.comment ? ` — ${escapeMarkdown(a.comment)}` : ''} (${escapeMarkdown(a.author)})`,
      );
    out.push('');
  }
  return out.join('\n');
}
