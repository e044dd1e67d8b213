import { writeFileSync } from 'node:fs';
import { expect } from '@playwright/test';
import type { AppUnderTest } from '../fixtures.ts';
import type { Composer, ExportFormat } from '../pages/composer.ts';
import type { WorkspacePage } from '../workspace.page.ts';

// Steps that go through a file dialog: the host's stubbed dialog is answered with the path first.

/** Opens the file at `path` with File > Open…. */
export async function openFile(app: AppUnderTest, workspace: WorkspacePage, path: string): Promise<void> {
  await app.answerNextDialog(path);
  await workspace.fileMenu.choose('Open…');
}

/** Writes an article as a text file at `path` and makes a new brief from it with File > New brief from an article…. */
export async function importArticle(app: AppUnderTest, workspace: WorkspacePage, path: string, article: string): Promise<void> {
  writeFileSync(path, article);
  await app.answerNextDialog(path);
  await workspace.fileMenu.choose('New brief from an article…');
}

/** Exports the brief with the composer's button to `path`, and waits for the notice that it is written. */
export async function exportTo(app: AppUnderTest, composer: Composer, format: ExportFormat, path: string): Promise<void> {
  await app.answerNextDialog(path);
  await composer.export(format);
  // Printing starts Chromium's PDF writer; on 2 busy cores that takes a while.
  await expect(composer.exported(format)).toBeVisible({ timeout: 60_000 });
}
