import { COLOURS, type Colour } from '../../common/vocabulary.ts';
import { invalidInput } from '../../common/errors.ts';

/** One fixed id per colour, so two copies renaming the same colour meet as one item in a merge. */
export function paletteId(colour: Colour): string {
  return `00000000-0000-4000-8000-${(COLOURS.indexOf(colour) + 1).toString(16).padStart(12, '0')}`;
}

/** Reads a typed figure: "78", "1,200", "1 200", "55.5", "-3". Anything else is named back to the user. */
export function parseNumber(typed: string): number {
  const text = typed.trim();
  const plain = text.replace(/(?<=\d)[,\u00a0\u202f ](?=\d{3}\b)/g, '');
  if (text === '' || !/^[-+]?(\d+(\.\d+)?|\.\d+)$/.test(plain)) {
    throw invalidInput(
      'value',
      text === '' ? 'Enter a value, like 78 or 1,200.' : `“${text.slice(0, 20)}” is not a number. Enter digits, like 78 or 1,200.`,
    );
  }
  const value = Number(plain);
  if (!Number.isFinite(value)) throw invalidInput('value', 'That number is too large.');
  return value;
}
