import { z } from 'zod';
import { exportOptionsSchema } from '../../common/export-options.ts';
import type { ExportOptions } from '../../common/export-document.ts';
import { parseJsonObject } from '../../common/json-object.ts';

/**
 * The stored settings as the shape an export accepts. Keys a later version added are dropped, so a
 * file from a colleague on a newer app still opens with its settings; anything else that does not
 * fit (damaged JSON, a field missing or of the wrong kind) reads as "no settings yet": the
 * composer then starts from its defaults, and nothing crashes over a setting.
 */
const storedOptionsSchema = z.object(exportOptionsSchema.shape);

export function readExportSettings(json: string | null | undefined): ExportOptions | null {
  if (typeof json !== 'string') return null;
  const value = parseJsonObject(json);
  if (!value) return null;
  const parsed = storedOptionsSchema.safeParse(value);
  return parsed.success ? (parsed.data as ExportOptions) : null;
}
