import { type Db, closeAsSingleFile, openStore, newId, now, rebuildSearchIndex } from '../store/index.ts';
import { createEmptyBrief } from '../import/index.ts';
import { COLOURS } from '../../common/vocabulary.ts';

// Synthetic briefs for benchmarks and scale tests: claims, notes and annotations with realistic
// text in English, Russian and Chinese, and indicators with histories. Seeded, so every run
// measures the same file.

const ENGLISH = [
  'Russia is expanding rare earth processing capacity in the Murmansk region to reduce import dependence',
  'Export controls on gallium and germanium have tightened the market for defence electronics suppliers',
  'Recycling of neodymium magnets remains below five percent of total consumption in most economies',
  'Financing for new mining projects is constrained by sanctions and the long payback period of separation plants',
  'Engineers trained in hydrometallurgy are scarce, and universities have cut specialised programmes',
];
const RUSSIAN = [
  'Добыча редкоземельных металлов в России остаётся ниже двух процентов разведанных запасов',
  'Правительство утвердило дорожную карту развития отрасли редкоземельных металлов до 2030 года',
  'Переработка сырья на Урале сдерживается нехваткой технологий разделения и инвестиций',
];
const CHINESE = [
  '中国加强稀土出口管制,对全球供应链产生深远影响',
  '俄罗斯稀土资源储量丰富,但开采比例不足百分之二',
  '稀土回收技术取得进展,回收率从百分之五十五提高到七十八',
];
const RARE_WORD = 'lanthanum';

function random(seed: number) {
  let state = seed >>> 0;
  return () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

export interface SyntheticSizes {
  claims: number;
  notes: number;
  annotations: number;
  indicators: number;
}

/** Splits an item count the way real briefs look: mostly claims and annotations, some notes, few indicators. */
export function sizesFor(items: number): SyntheticSizes {
  const indicators = Math.max(5, Math.round(items / 200));
  const claims = Math.round(items * 0.4);
  const notes = Math.round(items * 0.2);
  return { claims, notes, indicators, annotations: items - claims - notes - indicators };
}

/** Fills a new store at `path` with a brief of about `items` items (or of exactly these sizes). Returns the claim ids. */
export function writeSyntheticBrief(path: string, items: number | SyntheticSizes, seed = 1): string[] {
  const db = openStore(path);
  try {
    return fill(db, typeof items === 'number' ? sizesFor(items) : items, seed);
  } finally {
    closeAsSingleFile(db);
  }
}

function fill(db: Db, sizes: SyntheticSizes, seed: number): string[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const sentence = (i: number) => {
    const roll = next();
    const base = roll < 0.6 ? pick(ENGLISH) : roll < 0.8 ? pick(RUSSIAN) : pick(CHINESE);
    // One item in a thousand mentions a rare word, for the "rare word" search.
    return i % 1000 === 7 ? `${base} (${RARE_WORD} ${i})` : `${base} (${i})`;
  };
  const stamp = now();
  const row = (author = 'synthetic') => ({ rev: newId(), created_at: stamp, updated_at: stamp, author });
  const claimIds: string[] = [];
  const claimTexts: string[] = [];
  db.transaction(() => {
    const briefId = createEmptyBrief(
      db,
      `Synthetic brief of ${sizes.claims + sizes.notes + sizes.annotations + sizes.indicators} items`,
      'synthetic',
    );
    const theme = db.prepare(`INSERT INTO themes (id, rev, created_at, updated_at, author, brief_id, position, label, title)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @brief_id, @position, @label, NULL)`);
    const claim = db.prepare(`INSERT INTO claims (id, rev, created_at, updated_at, author, theme_id, source_id, position, text)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @theme_id, NULL, @position, @text)`);
    const citation = db.prepare(`INSERT INTO citations (id, rev, created_at, updated_at, author, claim_id, position, marker, char_offset)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @claim_id, 0, @marker, @char_offset)`);
    const note = db.prepare(`INSERT INTO notes (id, rev, created_at, updated_at, author, brief_id, target_kind, target_id, body)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @brief_id, 'claim', @target_id, @body)`);
    const annotation = db.prepare(`INSERT INTO annotations (id, rev, created_at, updated_at, author, brief_id, target_kind, target_id,
        quote_exact, quote_prefix, quote_suffix, position_start, position_end, color, comment)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @brief_id, 'claim', @target_id, @quote, '', @suffix, 0, @end, @colour, @comment)`);
    const indicator = db.prepare(`INSERT INTO indicators (id, rev, created_at, updated_at, author, brief_id, position, name, unit, claim_id)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @brief_id, @position, @name, '%', @claim_id)`);
    const observation = db.prepare(`INSERT INTO observations (id, rev, created_at, updated_at, author, indicator_id, position, value, unit,
        comparator, as_of, as_of_note, claim_id, quote)
      VALUES (@id, @rev, @created_at, @updated_at, @author, @indicator_id, @position, @value, '%', 'equal', @as_of, 'synthetic', @claim_id, NULL)`);

    const perTheme = 25;
    let themeId = '';
    for (let i = 0; i < sizes.claims; i++) {
      if (i % perTheme === 0) {
        themeId = newId();
        theme.run({ ...row(), id: themeId, brief_id: briefId, position: i / perTheme, label: `Theme ${i / perTheme + 1}` });
      }
      const id = newId();
      const text = sentence(i);
      claim.run({ ...row(), id, theme_id: themeId, position: i % perTheme, text });
      citation.run({ ...row(), id: newId(), claim_id: id, marker: 1 + (i % 40), char_offset: text.length });
      claimIds.push(id);
      claimTexts.push(text);
    }
    for (let i = 0; i < sizes.notes; i++)
      note.run({ ...row(), id: newId(), brief_id: briefId, target_id: pick(claimIds), body: sentence(i + 1) });
    for (let i = 0; i < sizes.annotations; i++) {
      // Highlights on the opening words of their claim, so they anchor as real ones do.
      const target = Math.floor(next() * claimIds.length);
      const text = claimTexts[target]!;
      const quote = text.slice(0, Math.min(30, text.length));
      annotation.run({
        ...row(),
        id: newId(),
        brief_id: briefId,
        target_id: claimIds[target],
        quote,
        suffix: text.slice(quote.length, quote.length + 32),
        end: quote.length,
        colour: pick(COLOURS),
        comment: next() < 0.5 ? sentence(i + 2) : null,
      });
    }
    for (let i = 0; i < sizes.indicators; i++) {
      const id = newId();
      const claimId = pick(claimIds);
      indicator.run({ ...row(), id, brief_id: briefId, position: i, name: `Synthetic indicator ${i + 1}`, claim_id: claimId });
      const points = 3 + Math.floor(next() * 3);
      for (let p = 0; p < points; p++) {
        observation.run({
          ...row(),
          id: newId(),
          indicator_id: id,
          position: p,
          value: Math.round(next() * 1000) / 10,
          as_of: `${2020 + p}-06-30`,
          claim_id: claimId,
        });
      }
    }
    rebuildSearchIndex(db);
  })();
  return claimIds;
}
