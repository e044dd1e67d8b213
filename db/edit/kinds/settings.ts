import { invalidInput } from '../../../common/errors.ts';
import { exportOptionsSchema } from '../../../common/export-options.ts';
import { exportSettingsId } from '../values.ts';
import type { Appliers } from './applier.ts';

// The composer's settings, kept with the brief so that they travel with the file: one row per
// brief, under an id derived from the brief's, holding the options as JSON in exactly the shape an
// export accepts (common/export-options.ts), checked again here because the writer also serves the
// CLI and the tests.
export const settingsEdits: Appliers<'export.settings'> = {
  'export.settings': (edit, x) => {
    const parsed = exportOptionsSchema.safeParse(edit.options);
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      const field = ['options', ...issue.path.map(String)].join('.');
      throw invalidInput(
        field,
        `These export settings cannot be kept: ${field} is not one an export accepts (${issue.message.toLowerCase()}).`,
      );
    }
    const options = JSON.stringify(parsed.data);
    const briefId = x.briefId();
    const id = exportSettingsId(briefId);
    const existing = x.rows.read('export_settings', id);
    if (!existing) return x.rows.insert('export_settings', { id, brief_id: briefId, options });
    if (existing.options !== options || existing.deleted_at !== null) x.rows.update('export_settings', id, { options, deleted_at: null });
    return id;
  },
};
