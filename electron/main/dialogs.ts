import { BrowserWindow, dialog } from 'electron';
import type { Dialogs } from '../services/documents/index.ts';
import type { SourceDialogs } from '../services/sources/index.ts';

const BRIEFS = [{ name: 'Briefing Desk briefs', extensions: ['sqlite'] }];

/** The native file dialogs, attached to the focused window. */
export const nativeDialogs: Dialogs & SourceDialogs = {
  async chooseBriefToOpen(purpose) {
    const window = BrowserWindow.getFocusedWindow();
    const options: Electron.OpenDialogOptions = {
      title: purpose === 'merge' ? 'Merge a colleague’s brief' : 'Open a brief',
      buttonLabel: purpose === 'merge' ? 'Merge' : 'Open',
      properties: ['openFile'],
      filters: BRIEFS,
    };
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async chooseArticle() {
    const options: Electron.OpenDialogOptions = {
      title: 'New brief from an article',
      properties: ['openFile'],
      filters: [{ name: 'Article text', extensions: ['txt'] }],
    };
    const window = BrowserWindow.getFocusedWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async chooseSource() {
    const options: Electron.OpenDialogOptions = {
      title: 'Import a source',
      buttonLabel: 'Import',
      properties: ['openFile'],
      filters: [
        { name: 'Sources', extensions: ['html', 'htm', 'pdf', 'docx', 'md', 'markdown', 'txt'] },
        { name: 'All files', extensions: ['*'] },
      ],
    };
    const window = BrowserWindow.getFocusedWindow();
    const result = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return result.canceled ? null : (result.filePaths[0] ?? null);
  },
  async chooseExportTarget(format, suggestedName) {
    const filters = {
      pdf: [{ name: 'PDF', extensions: ['pdf'] }],
      md: [{ name: 'Markdown', extensions: ['md'] }],
      html: [{ name: 'Web page', extensions: ['html'] }],
    }[format];
    const options: Electron.SaveDialogOptions = {
      title: `Export the brief as ${format.toUpperCase()}`,
      defaultPath: suggestedName,
      filters,
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const window = BrowserWindow.getFocusedWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
  async chooseSaveTarget(suggestedName) {
    const options: Electron.SaveDialogOptions = {
      title: 'Save brief as',
      defaultPath: suggestedName,
      filters: BRIEFS,
      properties: ['showOverwriteConfirmation', 'createDirectory'],
    };
    const window = BrowserWindow.getFocusedWindow();
    const result = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
    return result.canceled || !result.filePath ? null : result.filePath;
  },
};
