import { gradeCode, gradeMeaning } from '../../common/grades.ts';
import type { Grade } from '../../common/model.ts';

/** "B2 — usually reliable; probably true", or null for no grade. */
export function gradeLine(grade: Grade | null | undefined): string | null {
  const code = gradeCode(grade);
  return code === null ? null : `${code} — ${gradeMeaning(grade)}`;
}
