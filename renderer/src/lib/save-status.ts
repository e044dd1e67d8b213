// The one sentence that says where the user's work is, from the document's state.
import type { DocumentState } from '../../../common/ipc/contract.ts';

export interface SaveStatus {
  text: string;
  /** The same in a word or two, for a narrow window (the full sentence is its tooltip). */
  short: string;
  /** The file lacks changes the working copy has (what the close question asks about). */
  pending: boolean;
}

export function saveStatus(state: Pick<DocumentState, 'filePath' | 'dirty' | 'name'>): SaveStatus {
  if (state.filePath === null)
    return { text: 'Saved in this computer’s working copy · not saved to a file yet', short: 'Not in a file yet', pending: state.dirty };
  if (state.dirty)
    return { text: `Saved in this computer’s working copy · not yet saved to ${state.name}`, short: 'Not yet saved', pending: true };
  return { text: `Saved to ${state.name}`, short: 'Saved', pending: false };
}
