import { headingOf, PART_ANCHORS, type ExportDocument, type ExportNote, type ExportRun } from '../../common/export-document.ts';
import { escapeMarkdown } from './escape.ts';
import { noteMarkdown } from './note-markdown.ts';

export { escapeMarkdown } from './escape.ts';

// The brief as CommonMark, in the order and with the words of the print view. Everything the user
// wrote is escaped, so a claim holding HTML or Markdown syntax comes out as the characters they
// typed, never as markup; notes keep their Markdown, rebuilt from an allowlist (note-markdown.ts).
// Two things Markdown cannot draw are written out: a highlight is ==marked== (the dialects with
// highlighting show it; the rest show the equals signs) and followed by what its colour means, and
// a highlight's comment is a GFM footnote ([^1]), numbered as the print view numbers it.

/** The markers, escaped for Markdown: [1][19], or [Sohu 1][Sohu 19] where the brief holds several sources. */
const citations = (markers: readonly number[], source: string | null) =>
  markers.map((m) => `\\[${source ? `${escapeMarkdown(source)} ` : ''}${m}\\]`).join('');

/** "Sohu Cai Jing, 2025-11-09 07:03: " before a source's headline; what the source does not give is left out, not left blank. */
const sourceLine = (source: { publisher: string; published: string }) => {
  const parts = [source.publisher, source.published].filter((part) => part.trim() !== '').map(escapeMarkdown);
  return parts.length > 0 ? `${parts.join(', ')}: ` : '';
};

/** Text cut at its highlights: each highlighted stretch marked, its meanings after it, then its note numbers. */
function runsMarkdown(runs: readonly ExportRun[], meaningOf: (colour: string) => string): string {
  return runs
    .map((run) => {
      const text = escapeMarkdown(run.text);
      const marked = run.colours.length > 0 ? `==${text}== \\[${run.colours.map((c) => escapeMarkdown(meaningOf(c))).join(', ')}\\]` : text;
      return `${marked}${run.notes.map((n) => `[^${n}]`).join('')}`;
    })
    .join('');
}

/** A note nested in a blockquote, signed: nothing in it reaches outside the quote. */
function noteBlock(note: ExportNote): string[] {
  const lines = [
    ...(note.label ? [`**${escapeMarkdown(note.label)}**`, ''] : []),
    ...noteMarkdown(note.body),
    '',
    `— ${escapeMarkdown(note.author)}`,
  ];
  return [...lines.map((line) => (line ? `> ${line}` : '>')), ''];
}

export function toMarkdown(doc: ExportDocument): string {
  const meanings = new Map((doc.annotations?.legend ?? []).map((entry) => [entry.colour as string, entry.meaning]));
  const meaningOf = (colour: string) => meanings.get(colour) ?? colour;
  const heading = (anchor: string) => `## ${escapeMarkdown(headingOf(doc, anchor))}`;
  const out: string[] = [`# ${escapeMarkdown(doc.title)}`, ''];
  if (doc.marking) out.push(`**${escapeMarkdown(doc.marking)}**`, '');
  const byline = [doc.author, doc.date].filter(Boolean).map(escapeMarkdown).join(' · ');
  if (byline) out.push(byline, '');
  const several = doc.sources.length > 1;
  for (const source of doc.sources) {
    const label = several ? `Source (${escapeMarkdown(source.name)})` : 'Source';
    out.push(`> ${label}: ${sourceLine(source)}${runsMarkdown(source.headlineRuns, meaningOf)}`);
    if (source.translation)
      out.push(
        '>',
        `> Translation (${escapeMarkdown(source.translationNote ?? 'not part of the source')}): ${escapeMarkdown(source.translation)}`,
      );
    if (source.grade) out.push('>', `> Source graded ${escapeMarkdown(source.grade)}`);
    if (source.provenance) out.push('>', `> Read from ${escapeMarkdown(source.provenance)}`);
    out.push('');
  }
  if (doc.empty) {
    out.push('_This brief is empty: nothing was chosen for it yet._', '');
    return out.join('\n');
  }
  if (doc.bottomLine.length > 0) {
    out.push(heading(PART_ANCHORS.bottomLine), '');
    for (const paragraph of doc.bottomLine) out.push(escapeMarkdown(paragraph), '');
  }
  if (doc.judgments.length > 0) {
    out.push(heading(PART_ANCHORS.judgments), '');
    for (const j of doc.judgments) {
      out.push(`**${j.label}** ${escapeMarkdown(j.text)}`, '');
      const details = [j.qualifiers, j.support, j.against].filter((line): line is string => line !== null);
      if (details.length > 0) out.push(details.map((line) => `*${escapeMarkdown(line)}*`).join('\\\n'), '');
    }
  }
  if (doc.briefNotes.length > 0) {
    out.push(heading(PART_ANCHORS.briefNotes), '');
    for (const note of doc.briefNotes) out.push(...noteBlock(note));
  }
  const listed = doc.headings.filter((h) => h.listed);
  if (listed.length > 0) {
    // Only the PDF has page numbers: the Markdown contents list the parts.
    out.push(heading(PART_ANCHORS.contents), '', ...listed.map((h, i) => `${i + 1}. ${escapeMarkdown(h.heading)}`), '');
  }
  for (const section of doc.sections) {
    out.push(`## ${escapeMarkdown(section.heading)}`, '');
    for (const note of section.notes) out.push(...noteBlock(note));
    for (const claim of section.claims) {
      out.push(
        `**${claim.number}** ${runsMarkdown(claim.runs, meaningOf)}${claim.citations.length ? ` ${citations(claim.citations, claim.citationSource)}` : ''}`,
        '',
      );
      // Our words, never the source's: set apart and labelled.
      if (claim.translation) out.push(`> *Translation (ours, not part of the source):* ${escapeMarkdown(claim.translation)}`, '');
      if (claim.assessment) out.push(`*${escapeMarkdown(claim.assessment)}*`, '');
      for (const note of claim.notes) out.push(...noteBlock(note));
    }
  }
  if (doc.indicators.length > 0) {
    out.push(
      heading(PART_ANCHORS.indicators),
      '',
      '| Indicator | Value | Unit | As of | Source claim |',
      '| --- | --- | --- | --- | --- |',
    );
    for (const i of doc.indicators) {
      const several = i.history.length > 1;
      const value = several ? i.history.map((h) => h.value).join(' → ') : i.value;
      const asOf = several ? i.history.map((h) => h.asOf).join('; ') : (i.history[0]?.asOf ?? i.asOf);
      const claim = [i.claimNumber ?? '—', ...i.flags.map((flag) => `(${flag})`)].join(' ');
      out.push(`| ${[i.name, value, i.unit, asOf, claim].map(escapeMarkdown).join(' | ')} |`);
    }
    out.push('');
    // A table row cannot hold a note: the notes on indicators follow the table, each under its indicator's name.
    for (const i of doc.indicators.filter((i) => i.notes.length > 0)) {
      out.push(`**${escapeMarkdown(i.name)}**`, '');
      for (const note of i.notes) out.push(...noteBlock(note));
    }
    for (const chart of doc.charts) out.push(`*${escapeMarkdown(`Chart of ${chart.title}: ${chart.chart.caption}`)}*`, '');
  }
  if (doc.references.length > 0) {
    out.push(heading(PART_ANCHORS.references), '');
    for (const group of doc.references) {
      // One source: its numbers, said whose; several: a heading per source.
      if (several) out.push(`### ${escapeMarkdown(group.source)}`, '', `Reference numbers of ${escapeMarkdown(group.origin)}.`, '');
      else out.push(`Reference numbers are those of the source: ${escapeMarkdown(group.origin)}.`, '');
      for (const r of group.references)
        out.push(`- \\[${r.marker}\\] cited in ${r.citedBy.join(', ')}${r.grade ? `. Graded ${escapeMarkdown(r.grade)}` : ''}`);
      out.push('');
    }
  }
  if (doc.annotations) {
    const { legend, notes, orphans } = doc.annotations;
    out.push(heading(PART_ANCHORS.annotations), '');
    if (legend.length > 0) {
      out.push(`### ${escapeMarkdown(headingOf(doc, PART_ANCHORS.legend))}`, '');
      for (const entry of legend) out.push(`- ==${escapeMarkdown(entry.meaning)}== (${entry.colour})`);
      out.push('');
    }
    if (notes.length > 0) {
      // GFM footnotes: where they are supported, each number in the text links here.
      out.push(`### ${escapeMarkdown(headingOf(doc, PART_ANCHORS.highlightNotes))}`, '');
      for (const n of notes)
        out.push(`[^${n.number}]: ${escapeMarkdown(`${n.target}, “${n.quote}” (${n.meaning}): ${n.comment} — ${n.author}`)}`, '');
    }
    if (orphans.length > 0) {
      out.push(`### ${escapeMarkdown(headingOf(doc, PART_ANCHORS.orphans))}`, '');
      out.push('Their words are no longer in the text they were made on.', '');
      for (const o of orphans)
        out.push(`- ${escapeMarkdown(`${o.target}: “${o.quote}” (${o.meaning})${o.comment ? `: ${o.comment}` : ''} — ${o.author}`)}`);
      out.push('');
    }
  }
  return out.join('\n');
}
