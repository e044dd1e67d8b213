import { type Db, newId, now, rebuildSearchIndex } from '../store/index.ts';
import type { Comparator, SourceProvenance } from '../../common/model.ts';
import { StoreError } from '../../common/errors.ts';
import type { ParsedArticle } from './article.ts';

/** Facts about a source that its text does not carry (languages, our translation of the headline). */
export interface ArticleExtras {
  originalLanguage?: string | null;
  bodyLanguage?: string | null;
  titleTranslation?: string | null;
  translationNote?: string | null;
}

export interface CuratedObservation {
  value: number;
  comparator: Comparator;
  /** Words of the claim the figure is read from; must occur in that claim verbatim. */
  quote: string;
  /** YYYY-MM-DD; left out means the source's publication date, null means undated. */
  asOf?: string | null;
  asOfNote: string;
}

/** An indicator read by a person from the article, pinned to a claim by group and claim number (1-based). */
export interface CuratedIndicator {
  name: string;
  unit: string;
  group: number;
  claim: number;
  observations: readonly CuratedObservation[];
}

export interface ImportOptions {
  author: string;
  extras?: ArticleExtras;
  indicators?: readonly CuratedIndicator[];
  /** The file the article was read from, kept with its source. */
  provenance?: SourceProvenance;
}

/**
 * Writes a parsed article as a new brief (brief, source, themes, claims, citations, indicators)
 * in one transaction, so a failure leaves the file as it was. Returns the brief's id.
 */
export function importArticle(db: Db, article: ParsedArticle, options: ImportOptions): string {
  const stamp = now();
  // Each new item: one timestamp for the whole import, its own revision id.
  const fresh = () => ({ created_at: stamp, updated_at: stamp, author: options.author, rev: newId() });
  const insert = {
    brief: db.prepare(
      'INSERT INTO brief (id, rev, created_at, updated_at, author, title) VALUES (@id, @rev, @created_at, @updated_at, @author, @title)',
    ),
    source: db.prepare(`INSERT INTO sources (id, rev, created_at, updated_at, author, brief_id, title_original, original_language,
        title_translation, translation_note, publisher, published_text, published_on, body_language,
        file_name, file_size, file_sha256, file_format, imported_at)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @brief_id, @title_original, @original_language,
        @title_translation, @translation_note, @publisher, @published_text, @published_on, @body_language,
        @file_name, @file_size, @file_sha256, @file_format, @imported_at)`),
    theme: db.prepare(`INSERT INTO themes (id, rev, created_at, updated_at, author, brief_id, position, label, title, source_id)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @brief_id, @position, @label, NULL, @source_id)`),
    claim: db.prepare(`INSERT INTO claims (id, rev, created_at, updated_at, author, theme_id, source_id, position, text)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @theme_id, @source_id, @position, @text)`),
    citation: db.prepare(`INSERT INTO citations (id, rev, created_at, updated_at, author, claim_id, position, marker, char_offset)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @claim_id, @position, @marker, @char_offset)`),
    indicator: db.prepare(`INSERT INTO indicators (id, rev, created_at, updated_at, author, brief_id, position, name, unit, claim_id)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @brief_id, @position, @name, @unit, @claim_id)`),
    observation: db.prepare(`INSERT INTO observations (id, rev, created_at, updated_at, author, indicator_id, position, value, unit,
        comparator, as_of, as_of_note, claim_id, quote)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @indicator_id, @position, @value, @unit,
        @comparator, @as_of, @as_of_note, @claim_id, @quote)`),
  };

  return db.transaction(() => {
    const briefId = newId();
    insert.brief.run({ ...fresh(), id: briefId, title: article.headline });
    const sourceId = newId();
    const extras = options.extras ?? {};
    insert.source.run({
      ...fresh(),
      id: sourceId,
      brief_id: briefId,
      title_original: article.headline,
      original_language: extras.originalLanguage ?? null,
      title_translation: extras.titleTranslation ?? null,
      translation_note: extras.translationNote ?? null,
      publisher: article.publisher,
      published_text: article.publishedText,
      published_on: article.publishedOn,
      body_language: extras.bodyLanguage ?? null,
      file_name: options.provenance?.fileName ?? null,
      file_size: options.provenance?.size ?? null,
      file_sha256: options.provenance?.sha256 ?? null,
      file_format: options.provenance?.format ?? null,
      imported_at: options.provenance?.importedAt ?? null,
    });

    const claimIds: string[][] = [];
    const claimTexts: string[][] = [];
    article.groups.forEach((group, groupIndex) => {
      const themeId = newId();
      insert.theme.run({ ...fresh(), id: themeId, brief_id: briefId, position: groupIndex, label: group.label, source_id: sourceId });
      claimIds.push([]);
      claimTexts.push([]);
      group.claims.forEach((claim, claimIndex) => {
        const claimId = newId();
        insert.claim.run({ ...fresh(), id: claimId, theme_id: themeId, source_id: sourceId, position: claimIndex, text: claim.text });
        claimIds[groupIndex]!.push(claimId);
        claimTexts[groupIndex]!.push(claim.text);
        claim.citations.forEach((citation, position) => {
          insert.citation.run({
            ...fresh(),
            id: newId(),
            claim_id: claimId,
            position,
            marker: citation.marker,
            char_offset: citation.offset,
          });
        });
      });
    });

    (options.indicators ?? []).forEach((indicator, position) => {
      const claimId = claimIds[indicator.group - 1]?.[indicator.claim - 1];
      const claimText = claimTexts[indicator.group - 1]?.[indicator.claim - 1];
      if (!claimId || claimText === undefined) {
        throw new StoreError(
          'bad-article',
          `Indicator "${indicator.name}" points at claim ${indicator.group}.${indicator.claim}, which the article does not have.`,
        );
      }
      const indicatorId = newId();
      insert.indicator.run({
        ...fresh(),
        id: indicatorId,
        brief_id: briefId,
        position,
        name: indicator.name,
        unit: indicator.unit,
        claim_id: claimId,
      });
      indicator.observations.forEach((observation, index) => {
        if (!claimText.includes(observation.quote)) {
          throw new StoreError(
            'bad-article',
            `Indicator "${indicator.name}" quotes "${observation.quote}", which claim ${indicator.group}.${indicator.claim} does not say.`,
          );
        }
        insert.observation.run({
          ...fresh(),
          id: newId(),
          indicator_id: indicatorId,
          position: index,
          value: observation.value,
          unit: indicator.unit,
          comparator: observation.comparator,
          as_of: observation.asOf === undefined ? article.publishedOn : observation.asOf,
          as_of_note: observation.asOfNote,
          claim_id: claimId,
          quote: observation.quote,
        });
      });
    });
    rebuildSearchIndex(db);
    return briefId;
  })();
}

/** A new brief with nothing in it yet: File > New (blank). */
export function createEmptyBrief(db: Db, title: string, author: string): string {
  const stamp = now();
  const id = newId();
  db.prepare('INSERT INTO brief (id, rev, created_at, updated_at, author, title) VALUES (?, ?, ?, ?, ?, ?)').run(
    id,
    newId(),
    stamp,
    stamp,
    author,
    title,
  );
  return id;
}
