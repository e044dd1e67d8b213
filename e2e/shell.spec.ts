import { BRIDGE_KEYS } from '../common/ipc/channels.ts';
import { expect, test } from './fixtures.ts';

// What the shell promises the page, checked in whichever host runs the specs.

test('the page gets exactly the IPC contract: one method per channel and `on`, no Node, no Electron', async ({ page, workspace }) => {
  await expect(workspace.themeHeadings).toHaveCount(4);
  const exposed = await page.evaluate(() => ({
    keys: Object.keys((window as unknown as { briefing?: object }).briefing ?? {}).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
    ipcRenderer: typeof (window as unknown as { ipcRenderer?: unknown }).ipcRenderer,
  }));
  expect(exposed).toEqual({ keys: [...BRIDGE_KEYS].sort(), require: 'undefined', process: 'undefined', ipcRenderer: 'undefined' });
});

test('the CSP blocks an inline script and reports the violation', async ({ page, workspace }) => {
  await expect(workspace.themeHeadings).toHaveCount(4);
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) =>
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true }),
    );
    const script = document.createElement('script');
    script.textContent = 'window.__inlineRan = true;';
    document.body.append(script);
    const directive = await Promise.race([violation, new Promise<string>((resolve) => setTimeout(() => resolve('none'), 2000))]);
    return { ran: (window as unknown as { __inlineRan?: boolean }).__inlineRan === true, directive };
  });
  expect(outcome).toEqual({ ran: false, directive: 'script-src-elem' });
});

test('navigating away is refused, window.open gives nothing, and no request leaves the app', async ({ page, workspace }) => {
  await expect(workspace.themeHeadings).toHaveCount(4);
  const before = page.url();
  const outside: string[] = [];
  page.on('request', (request) => {
    if (!/^(http:\/\/app\.local|app:\/\/briefing|data:|blob:)/.test(request.url())) outside.push(request.url());
  });
  page.on('requestfinished', (request) => {
    if (outside.includes(request.url())) throw new Error(`request left the app: ${request.url()}`);
  });

  expect(await page.evaluate(() => window.open('https://example.org/', '_blank'))).toBeNull();
  await page.evaluate(() => {
    window.location.href = 'https://example.org/phish';
  });
  await page.waitForTimeout(500);
  expect(page.url()).toBe(before);
  await expect(workspace.themeHeadings).toHaveCount(4);
  const fetched = await page.evaluate(() =>
    fetch('https://example.org/beacon').then(
      () => 'sent',
      () => 'blocked',
    ),
  );
  expect(fetched).toBe('blocked');
});

test('a native menu command runs the same action as the workspace’s own shortcut', async ({ app, workspace, page }, testInfo) => {
  const target = testInfo.outputPath('from-menu.sqlite');
  await app.answerNextDialog(target);
  await app.menuCommand({ command: 'save-as' });
  await expect(workspace.status).toContainText(`Saved to ${target}`);
  await expect(page).toHaveTitle('from-menu.sqlite — Briefing Desk');
  await workspace.fileMenu.open();
  await workspace.screenshot(testInfo.outputPath('file-menu-light.png'), 'light');
  await workspace.screenshot(testInfo.outputPath('file-menu-dark.png'), 'dark');
});

test.describe('in Electron itself', () => {
  test.beforeEach(({ app }) => {
    const reason = 'needs the Electron binary, which is not installed on this machine (no network to fetch it); these run where it is';
    if (app.kind !== 'electron') console.log(`not run: "${test.info().title}": ${reason}`);
    test.skip(app.kind !== 'electron', reason);
  });

  test('the page is served from app://briefing with the CSP as a response header', async ({ page }) => {
    const served = await page.evaluate(async () => ({
      url: location.href,
      csp: (await fetch(location.href)).headers.get('content-security-policy'),
    }));
    expect(served.url).toBe('app://briefing/index.html');
    expect(served.csp).toContain("default-src 'none'");
  });

  test('the application menu has File, Edit, View, Brief, Window and Help', async ({ app }) => {
    const labels = await app.electron!.evaluate(({ Menu }) => Menu.getApplicationMenu()!.items.map((item) => item.label));
    expect(labels.slice(-6)).toEqual(['File', 'Edit', 'View', 'Brief', 'Window', 'Help']);
  });
});
