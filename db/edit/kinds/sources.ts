import { invalidInput } from '../../../common/errors.ts';
import { LIMITS } from '../../../common/limits.ts';
import type { EditContext } from '../edit-context.ts';
import { POSITION_STEP } from '../edit-context.ts';
import type { Appliers } from './applier.ts';

// Sources of a brief. A brief may draw on several: each keeps its own headline, themes, claims and
// citation numbers ([19] of one source is not [19] of another), and the file it was read from.
// An added source is written in one edit, so one Undo takes the whole import back.

const BCP47_PRIMARY = /^[a-z]{2,3}$/;

/** A translation as stored: trimmed, null when empty, no longer than a claim. */
function translation(field: string, raw: string | null): string | null {
  const text = raw?.trim() || null;
  if (text && text.length > LIMITS.claimChars)
    throw invalidInput(field, `A translation is at most ${LIMITS.claimChars.toLocaleString('en')} characters.`);
  return text;
}

function shortName(x: EditContext, raw: string | null): string | null {
  return raw === null ? null : x.shortText('shortName', raw, '', true) || null;
}

export const sourceEdits: Appliers<'source.add' | 'source.update' | 'claim.translate'> = {
  'source.add': (edit, x) => {
    const briefId = x.briefId();
    const headline = edit.headline.trim();
    if (headline === '') throw invalidInput('headline', 'The source needs a headline; type the title the source gives itself.');
    if (headline.length > LIMITS.claimChars) throw invalidInput('headline', 'This headline is too long; shorten it to the title.');
    const claimCount = edit.themes.reduce((sum, theme) => sum + theme.claims.length, 0);
    if (claimCount === 0) throw invalidInput('themes', 'Nothing to add: the source has no claims left. Keep at least one claim.');
    if (claimCount > LIMITS.sourceClaims)
      throw invalidInput(
        'themes',
        `This source brings ${claimCount.toLocaleString('en')} claims; one import takes ${LIMITS.sourceClaims.toLocaleString('en')} at most.`,
      );
    if (edit.publishedOn !== null && !/^\d{4}-\d{2}-\d{2}$/.test(edit.publishedOn))
      throw invalidInput('publishedOn', 'Give the publication date as year-month-day, like 2025-11-09, or none.');
    const language = edit.headlineLanguage?.toLowerCase() ?? null;
    if (language !== null && !BCP47_PRIMARY.test(language))
      throw invalidInput('headlineLanguage', 'Give the language as a two- or three-letter code, like zh or en.');
    const provenance = edit.provenance;
    const sourceId = x.rows.insert('sources', {
      brief_id: briefId,
      title_original: headline,
      original_language: language,
      title_translation: translation('titleTranslation', edit.titleTranslation),
      translation_note: null,
      publisher: x.shortText('publisher', edit.publisher, '', true),
      published_text: edit.publishedOn ?? '',
      published_on: edit.publishedOn,
      body_language: null,
      short_name: shortName(x, edit.shortName),
      file_name: provenance?.fileName ?? null,
      file_size: provenance?.size ?? null,
      file_sha256: provenance?.sha256 ?? null,
      file_format: provenance?.format ?? null,
      imported_at: provenance?.importedAt ?? null,
    });
    let position = (x.themes().at(-1)?.position ?? -POSITION_STEP) + POSITION_STEP;
    for (const theme of edit.themes) {
      if (theme.claims.length === 0) continue;
      const heading = x.shortText('themes', theme.heading, 'Every theme needs a heading; rename the one left empty.');
      const themeId = x.rows.insert('themes', { brief_id: briefId, position, label: heading, title: null, source_id: sourceId });
      position += POSITION_STEP;
      theme.claims.forEach((raw, index) => {
        const parsed = x.claimText(raw);
        const claimId = x.rows.insert('claims', {
          theme_id: themeId,
          source_id: sourceId,
          position: index * POSITION_STEP,
          text: parsed.text,
        });
        x.setCitations(claimId, parsed.citations);
      });
    }
    return sourceId;
  },
  'source.update': (edit, x) => {
    const row = x.rows.live('sources', edit.id, 'source', 'id');
    const values = { short_name: shortName(x, edit.shortName), title_translation: translation('titleTranslation', edit.titleTranslation) };
    if (row.short_name === values.short_name && row.title_translation === values.title_translation) return edit.id;
    // A translation the analyst writes is theirs: the note naming who made the one before goes with it.
    const note = row.title_translation === values.title_translation ? (row.translation_note ?? null) : null;
    x.rows.update('sources', edit.id, { ...values, translation_note: note });
    return edit.id;
  },
  'claim.translate': (edit, x) => {
    const row = x.rows.live('claims', edit.id, 'claim', 'id');
    const text = translation('translation', edit.translation);
    if (row.translation !== text) x.rows.update('claims', edit.id, { translation: text });
    return edit.id;
  },
};
