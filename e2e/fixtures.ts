import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test as base, expect, _electron, type ElectronApplication, type Page } from '@playwright/test';
import type { EventName, Events } from '../common/ipc/contract.ts';
import { launchChromiumHost } from '../hosts/chromium/host.ts';
import { APP_VERSION, pickHost, RENDERER_ROOT, REPO_ROOT, type HostKind } from './host.ts';
import { WorkspacePage } from './workspace.page.ts';

export interface AppUnderTest {
  kind: HostKind;
  page: Page;
  /** The test's own profile folder; the working store is `briefing.sqlite` inside it. */
  userData: string;
  /** Answers the next file dialog with a path (or null: cancelled), stubbed in main, not clicked. */
  answerNextDialog(path: string | null): Promise<void>;
  /** Runs a native-menu command, as clicking it in the application menu does. */
  menuCommand(payload: Events['menu:command']): Promise<void>;
  /** The Electron application, in the Electron host only. */
  electron: ElectronApplication | null;
}

interface Fixtures {
  app: AppUnderTest;
  workspace: WorkspacePage;
  /** Writes the profile's working store before the app starts (a big brief, say); by default the app seeds the embedded brief. */
  prepareStore: ((storePath: string) => void) | null;
  /** The name and unit the user gave on an earlier start; null: a first start, which asks. */
  preferences: { name: string; unit: string } | null;
}

export const test = base.extend<Fixtures>({
  prepareStore: [null, { option: true }],
  preferences: [{ name: 'Test Analyst', unit: 'E2E Desk' }, { option: true }],
  app: async ({ prepareStore, preferences }, use) => {
    // Each test gets a fresh profile, so a fresh store seeded with the embedded brief (or the test's own).
    const userData = mkdtempSync(join(tmpdir(), 'briefing-e2e-'));
    prepareStore?.(join(userData, 'briefing.sqlite'));
    if (preferences) writeFileSync(join(userData, 'preferences.json'), JSON.stringify(preferences));
    const { kind, electronPath } = pickHost();
    try {
      if (kind === 'electron') {
        const electronApp = await _electron.launch({
          executablePath: electronPath!,
          args: [REPO_ROOT],
          env: { ...process.env, BRIEFING_USER_DATA: userData } as Record<string, string>,
        });
        const page = await electronApp.firstWindow();
        const answerNextDialog = async (path: string | null) => {
          await electronApp.evaluate(({ dialog }, answer) => {
            const result = answer
              ? { canceled: false, filePaths: [answer], filePath: answer }
              : { canceled: true, filePaths: [], filePath: '' };
            dialog.showOpenDialog = (async () => result) as typeof dialog.showOpenDialog;
            dialog.showSaveDialog = (async () => result) as typeof dialog.showSaveDialog;
          }, path);
        };
        const menuCommand = async (payload: Events['menu:command']) => {
          await electronApp.evaluate(
            ({ BrowserWindow }, [channel, detail]) => BrowserWindow.getAllWindows()[0]!.webContents.send(channel, detail),
            ['menu:command' satisfies EventName, payload] as const,
          );
        };
        await use({ kind, page, userData, answerNextDialog, menuCommand, electron: electronApp });
        await electronApp.close();
      } else {
        const host = await launchChromiumHost({ rendererRoot: RENDERER_ROOT, userData, version: APP_VERSION });
        await host.page.goto(host.url);
        await use({
          kind,
          page: host.page,
          userData,
          answerNextDialog: async (path) => host.dialogs.answerNext(path),
          menuCommand: (payload) => host.emit('menu:command', payload),
          electron: null,
        });
        await host.close();
      }
    } finally {
      rmSync(userData, { recursive: true, force: true });
    }
  },
  page: async ({ app }, use) => {
    await use(app.page);
  },
  workspace: async ({ page }, use) => {
    const workspace = new WorkspacePage(page);
    await workspace.waitUntilOpen();
    await use(workspace);
  },
});

export { expect };
