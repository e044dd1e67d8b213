import { invalidInput } from '../../../common/errors.ts';
import { CONFIDENCES, EVIDENCE_KINDS, LIKELIHOODS, STANCES } from '../../../common/vocabulary.ts';
import type { EditContext } from '../edit-context.ts';
import { POSITION_STEP } from '../edit-context.ts';
import type { Row } from '../row-changes.ts';
import { evidenceLinkId } from '../values.ts';
import type { Appliers } from './applier.ts';

// The analyst's answer: the bottom line (a column of the brief row), the key judgments in their
// order, and the claims and indicators each judgment rests on or that cut against it.

/** A judgment's fields as the writer stores them; `field` names are the edit's. */
function judgmentFields(edit: { text: string; likelihood: string | null; confidence: string | null }, x: EditContext): Row {
  return {
    text: x.analystText('text', edit.text, 'key judgment'),
    likelihood: x.oneOf(
      'likelihood',
      edit.likelihood,
      LIKELIHOODS as readonly string[],
      'Choose a likelihood from the scale (“almost no chance” to “almost certain”), or none.',
    ),
    confidence: x.oneOf(
      'confidence',
      edit.confidence,
      CONFIDENCES as readonly string[],
      'Choose low, moderate or high confidence, or none.',
    ),
  };
}

export const judgmentEdits: Appliers<
  'brief.bottomLine' | 'judgment.add' | 'judgment.update' | 'judgment.move' | 'judgment.delete' | 'evidence.link' | 'evidence.unlink'
> = {
  'brief.bottomLine': (edit, x) => {
    const briefId = x.briefId();
    const text = edit.text === null ? null : x.analystText('text', edit.text, 'bottom line') || null;
    if (x.rows.read('brief', briefId)!.bottom_line !== text) x.rows.update('brief', briefId, { bottom_line: text });
    return briefId;
  },
  'judgment.add': (edit, x) => {
    const fields = judgmentFields(edit, x);
    return x.rows.insert('judgments', {
      brief_id: x.briefId(),
      position: (x.judgments().at(-1)?.position ?? -POSITION_STEP) + POSITION_STEP,
      ...fields,
    });
  },
  'judgment.update': (edit, x) => {
    const row = x.rows.live('judgments', edit.id, 'key judgment', 'id');
    const fields = judgmentFields(edit, x);
    // Saved unchanged: no new revision (a colleague's edit of it would otherwise become a conflict).
    if (Object.entries(fields).some(([column, value]) => row[column] !== value)) x.rows.update('judgments', edit.id, fields);
    return edit.id;
  },
  'judgment.move': (edit, x) => {
    x.rows.live('judgments', edit.id, 'key judgment', 'id');
    x.move('judgments', x.judgments(), edit.id, edit.direction);
    return edit.id;
  },
  /** The judgment and its evidence links go together (as tombstones), and come back together on undo. */
  'judgment.delete': (edit, x) => {
    x.rows.live('judgments', edit.id, 'key judgment', 'id');
    for (const link of x.liveEvidenceOf(edit.id)) x.rows.remove('evidence_links', link);
    return x.remove('judgments', edit.id, 'key judgment', 'id');
  },
  /** One link per judgment and target: linking a claim again with the other stance changes the link. */
  'evidence.link': (edit, x) => {
    x.rows.live('judgments', edit.judgmentId, 'key judgment', 'judgmentId');
    if (!(EVIDENCE_KINDS as readonly string[]).includes(edit.targetKind))
      throw invalidInput('targetKind', 'A key judgment rests on a claim or an indicator; choose one of them.');
    if (!(STANCES as readonly string[]).includes(edit.stance))
      throw invalidInput('stance', 'Say whether the evidence supports the judgment or undercuts it.');
    x.rows.live(edit.targetKind === 'claim' ? 'claims' : 'indicators', edit.targetId, edit.targetKind, 'targetId');
    const id = evidenceLinkId(edit.judgmentId, edit.targetKind, edit.targetId);
    const existing = x.rows.read('evidence_links', id);
    if (!existing) {
      return x.rows.insert('evidence_links', {
        id,
        judgment_id: edit.judgmentId,
        target_kind: edit.targetKind,
        target_id: edit.targetId,
        stance: edit.stance,
      });
    }
    if (existing.deleted_at !== null || existing.stance !== edit.stance)
      x.rows.update('evidence_links', id, { stance: edit.stance, deleted_at: null });
    return id;
  },
  'evidence.unlink': (edit, x) => x.remove('evidence_links', edit.id, 'evidence link', 'id'),
};
