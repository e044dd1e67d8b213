/**
 * `text` parsed as a JSON object (not an array, not a scalar), or null when it is not one. Rows
 * kept as JSON (a merge conflict's other version) come from files anyone may have made.
 */
export function parseJsonObject(text: string): Record<string, unknown> | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
}
