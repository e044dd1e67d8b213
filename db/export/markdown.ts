import type { ExportDocument } from '../../common/export-document.ts';

// The brief as CommonMark. Everything the user wrote is escaped, so a note holding HTML or
// Markdown syntax comes out as the characters they typed, never as markup.

/** Backslash-escapes the characters that could start markup inline (CommonMark allows it for any ASCII punctuation). */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_[\]<>|#~!&]/g, (c) => `\\${c}`).replace(/\r?\n/g, ' ');
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
