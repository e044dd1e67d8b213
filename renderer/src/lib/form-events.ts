// What every inline form of the workspace does with its events, said once: submitting saves without
// the page navigating, and Esc cancels the form alone (the event stops there, so the dialog or panel
// around it stays open).

export const submitWith =
  (save: () => unknown) =>
  (event: SubmitEvent): void => {
    event.preventDefault();
    void save();
  };

export const cancelOnEscape =
  (cancel: () => void) =>
  (event: KeyboardEvent): void => {
    if (event.key !== 'Escape') return;
    event.stopPropagation();
    cancel();
  };
