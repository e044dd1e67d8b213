import assert from 'node:assert/strict';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CHANNELS, EVENTS, isMenuCommandEvent } from '../../common/ipc/channels.ts';
import { MENU_COMMANDS } from '../../common/commands.ts';
import type { DocumentState, DrawJob, ExportResult, Result, SourcePreview } from '../../common/ipc/contract.ts';
import type { ExportOptions } from '../../common/export-document.ts';
import { RECEIVE_WORKER_NODE_FLAGS } from '../../db/receive/index.ts';
import { INGEST_WORKER_NODE_FLAGS } from '../../db/ingest/index.ts';
import { briefCopies, sha256 } from '../../db/test-support/index.ts';
import { APP_NAME, buildMenuTemplate, CONTENT_SECURITY_POLICY, MIN_SIZE, type MenuItemSpec } from '../../electron/services/policy/index.ts';
import { ensureBuilt, makeAppRoot, REPO } from './app-root.ts';
import { requireWithElectron } from './stand-in/load.ts';
import { StandInMainProcess, type InvokeSender } from './stand-in/main-process.ts';
import type { StandInMenu, StandInMenuItem } from './stand-in/menu.ts';
import { StandInFrame, type StandInBrowserWindow } from './stand-in/windows.ts';
import { PAGE_INCHES } from '../../common/paper.ts';

// The Electron main process as built (dist/electron/main.cjs), run under the stand-in Electron:
// started, driven as the OS and the user would drive it, and closed. What it asks of Electron is
// checked against the policies it is meant to apply.

const VERSION = (JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')) as { version: string }).version;
const FORBIDDEN = { ok: false, code: 'forbidden', message: 'This page may not use Briefing Desk.' };
const SECRET = 'SECRET: never served';

/** A turn of the event loop, for work the shell starts without waiting for it (it calls `void offerExternal(...)`). */
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

async function pageLoaded(window: StandInBrowserWindow): Promise<void> {
  if (window.webContents.loads.length === 0) await once(window.webContents, 'did-finish-load');
}

/** Waits for `awaited`, unless the shell reports an error first (dialog.showErrorBox), which then fails the test at once. */
async function unlessErrorBox<T>(electron: StandInMainProcess, awaited: Promise<T>): Promise<T> {
  const done = new AbortController();
  const failed = once(electron.events, 'error-box', { signal: done.signal }).then(([title, content]) => {
    throw new Error(`the shell showed an error box instead: ${String(title)}: ${String(content)}`);
  });
  try {
    return await Promise.race([awaited, failed]);
  } finally {
    done.abort();
  }
}

const mainFrameOf = (window: StandInBrowserWindow): InvokeSender => ({ contents: window.webContents, frame: window.webContents.mainFrame });

/** Files outside dist/renderer a page must never read, and links inside it that lead to them. */
function plantOutsiders(dir: string, root: string): void {
  const renderer = join(root, 'dist', 'renderer');
  writeFileSync(join(root, 'secret.html'), SECRET);
  writeFileSync(join(root, 'dist', 'secret.html'), SECRET);
  mkdirSync(join(dir, 'outside'));
  writeFileSync(join(dir, 'outside', 'secret.html'), SECRET);
  symlinkSync(join(root, 'secret.html'), join(renderer, 'leak.html'));
  symlinkSync(join(dir, 'outside'), join(renderer, 'linked'));
}

// Timeouts only keep a broken shell from hanging the run (an awaited window or reload that never comes).
describe('the main process (dist/electron/main.cjs) under the stand-in Electron', { timeout: 60_000 }, () => {
  let dir: string;
  let root: string;
  let profile: string;
  let electron: StandInMainProcess;
  let workspace: StandInBrowserWindow;
  const userDataBefore = process.env.BRIEFING_USER_DATA;

  const invoke = (from: InvokeSender, channel: string, ...args: unknown[]) =>
    electron.ipcMain.invoke(from, channel, ...args) as Promise<Result<unknown>>;
  const fromWorkspace = async <T>(channel: string, ...args: unknown[]): Promise<T> => {
    const result = await invoke(mainFrameOf(workspace), channel, ...args);
    assert.ok(result.ok, `${channel}: ${JSON.stringify(result)}`);
    return result.value as T;
  };

  before(async () => {
    ensureBuilt();
    dir = mkdtempSync(join(tmpdir(), 'briefing-shell-'));
    root = makeAppRoot(dir);
    plantOutsiders(dir, root);
    profile = join(dir, 'profile');
    process.env.BRIEFING_USER_DATA = profile;
    electron = new StandInMainProcess({
      appPath: root,
      userData: join(dir, 'electron-default-user-data'),
      version: VERSION,
      isPackaged: true,
      singleInstanceLock: true,
    });
    requireWithElectron(join(root, 'dist', 'electron', 'main.cjs'), electron.module);
    const opened = once(electron.events, 'window');
    electron.app.fireReady();
    [workspace] = (await opened) as [StandInBrowserWindow];
    await pageLoaded(workspace);
  });

  after(() => {
    for (const window of [...(electron?.windows ?? [])]) window.destroy();
    if (userDataBefore === undefined) delete process.env.BRIEFING_USER_DATA;
    else process.env.BRIEFING_USER_DATA = userDataBefore;
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('before it is ready: its name, the user data folder BRIEFING_USER_DATA names, the sandbox everywhere, app:// privileged', () => {
    assert.equal(electron.app.getName(), APP_NAME);
    assert.equal(electron.app.getPath('userData'), profile);
    assert.ok(existsSync(join(profile, 'briefing.sqlite')), 'the store is opened in that folder');
    assert.equal(electron.app.sandboxEnabled, true);
    assert.equal(electron.app.singleInstanceLockRequested, true);
    assert.deepEqual(electron.protocol.privileged, [
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  test('app:// serves the built pages and their assets from dist/renderer, each with the CSP header', async () => {
    const renderer = join(root, 'dist', 'renderer');
    const referenced = ['index.html', 'print.html'].flatMap((page) =>
      [...readFileSync(join(renderer, page), 'utf8').matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)].map((m) => m[1]!),
    );
    const font = readdirSync(join(renderer, 'assets')).find((name) => name.endsWith('.woff2'));
    assert.ok(referenced.length >= 4 && font, 'the pages reference their scripts and styles');
    const expectedType: Record<string, string> = {
      '.html': 'text/html; charset=utf-8',
      '.js': 'text/javascript; charset=utf-8',
      '.css': 'text/css; charset=utf-8',
      '.woff2': 'font/woff2',
    };
    for (const [path, file] of [
      ['/', 'index.html'],
      ['/index.html', 'index.html'],
      ['/print.html', 'print.html'],
      ...[...referenced, `assets/${font}`].map((asset) => [`/${asset}`, asset]),
    ] as const) {
      const response = await electron.protocol.fetch(`app://briefing${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-security-policy'), CONTENT_SECURITY_POLICY, `${path}: CSP header`);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      assert.equal(response.headers.get('content-type'), expectedType[extname(file)], path);
      assert.deepEqual(Buffer.from(await response.arrayBuffer()), readFileSync(join(renderer, file)), `${path}: the file's bytes`);
    }
  });

  test('app:// answers 404 for a missing file and for every way out of dist/renderer', async () => {
    const secretPath = encodeURIComponent(join(root, 'secret.html'));
    for (const url of [
      'app://briefing/missing.html',
      'app://briefing/assets/missing.js',
      'app://briefing/../secret.html',
      'app://briefing/../../secret.html',
      'app://briefing/%2e%2e/secret.html',
      'app://briefing/%2E%2E/%2e%2e/secret.html',
      'app://briefing/..%2fsecret.html',
      'app://briefing/assets/..%2f..%2fsecret.html',
      'app://briefing/..%5c..%5csecret.html',
      'app://briefing/..\\..\\secret.html',
      `app://briefing/${secretPath}`,
      `app://briefing/${join(root, 'secret.html')}`,
      'app://briefing//etc/passwd',
      'app://briefing/leak.html',
      'app://briefing/linked/secret.html',
      'app://briefing/index.html%00.js',
      'app://other/index.html',
    ]) {
      const response = await electron.protocol.fetch(url);
      assert.equal(response.status, 404, url);
      assert.doesNotMatch(await response.text(), /SECRET/, url);
    }
  });

  test('every channel of the IPC contract is registered once with ipcMain.handle, and no other', () => {
    assert.deepEqual([...electron.ipcMain.registered].sort(), [...CHANNELS].sort());
    assert.equal(new Set(electron.ipcMain.registered).size, electron.ipcMain.registered.length, 'no channel twice');
  });

  test('a request is answered only from the workspace page’s main frame: subframes, other origins and other windows are refused', async () => {
    const info = await fromWorkspace<{ version: string; host: string }>('app:info');
    assert.equal(info.version, VERSION);
    assert.equal(info.host, 'electron');
    const contents = workspace.webContents;
    for (const [what, sender] of [
      ['a subframe of the workspace', { contents, frame: contents.subframe('app://briefing/index.html') }],
      ['the Chromium test host’s origin', { contents, frame: new StandInFrame('http://app.local/index.html', null) }],
      ['a web page', { contents, frame: new StandInFrame('https://evil.example/', null) }],
      ['a file', { contents, frame: new StandInFrame('file:///home/a/page.html', null) }],
      ['a frame that is gone', { contents, frame: null }],
    ] as const) {
      assert.deepEqual(await invoke(sender, 'brief:get'), FORBIDDEN, what);
    }
    // A window the shell did not open, even showing our own page.
    const stranger = new electron.BrowserWindow({ show: false });
    await stranger.loadURL('app://briefing/index.html');
    assert.deepEqual(await invoke(mainFrameOf(stranger), 'brief:get'), FORBIDDEN, 'a window the shell did not open');
    stranger.destroy();
    assert.deepEqual(
      await invoke(mainFrameOf(workspace), 'print:ready', '<html>forged</html>', null),
      FORBIDDEN,
      'print:ready from the workspace',
    );
  });

  test('the window is created hidden with the hardened web preferences and the built preload, and shown once drawn', () => {
    const preload = join(root, 'dist', 'electron', 'preload.cjs');
    assert.ok(existsSync(preload), 'the preload exists where the window looks for it');
    assert.deepEqual(workspace.options.webPreferences, {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      disableBlinkFeatures: 'Auxclick',
      spellcheck: false,
    });
    assert.equal(workspace.options.show, false);
    assert.equal(workspace.options.minWidth, MIN_SIZE.width);
    assert.equal(workspace.options.minHeight, MIN_SIZE.height);
    assert.deepEqual(workspace.webContents.loads, ['app://briefing/index.html']);
    assert.equal(workspace.isVisible(), true, 'shown on ready-to-show');
  });

  test('no dictionary download: the spellchecker is off in the session and the window (on this platform)', () => {
    assert.equal(process.platform === 'darwin', electron.defaultSession.isSpellCheckerEnabled());
    assert.equal(workspace.options.webPreferences?.spellcheck, process.platform === 'darwin');
    assert.equal(electron.defaultSession.dictionaryDownloadURL, null);
  });

  test('navigation away, new windows, redirects and webviews are refused; a web link is offered to the browser only after asking', async () => {
    const contents = workspace.webContents;
    const messageBoxes = () => electron.dialog.shown.filter((d) => d.kind === 'message').length;
    const asked = messageBoxes();
    assert.equal(contents.navigate('https://www.example.org/'), false);
    assert.equal(contents.redirect('https://www.example.org/'), false);
    assert.equal(contents.openWindow('https://www.example.org/'), 'deny');
    assert.equal(contents.openWindow('app://briefing/index.html'), 'deny');
    assert.equal(contents.attachWebview('https://www.example.org/'), false);
    assert.equal(contents.navigate('app://briefing/index.html#theme-2'), true, 'moving within the app is allowed');
    await settle();

    // The refused navigation and window.open to https://www.example.org/ each offered the link; the user cancelled (no answer queued).
    assert.equal(messageBoxes() - asked, 2, 'asked twice');
    assert.deepEqual(electron.shell.opened, []);

    electron.dialog.answers.messageBox.push(1);
    const opened = once(electron.events, 'open-external');
    assert.equal(contents.navigate('https://www.example.org/report?id=1'), false);
    assert.deepEqual(await opened, ['https://www.example.org/report?id=1']);

    for (const url of [
      'https://192.168.1.1/admin',
      'https://localhost:8080/',
      'https://[::1]/',
      'https://printer.local/',
      'mailto:desk@example.org?attach=/home/a/.ssh/id_rsa',
      'mailto:desk@example.org?cc=all@example.org',
      'http://www.example.org/',
      'file:///etc/passwd',
      'javascript:alert(1)',
    ]) {
      const before = electron.dialog.shown.length;
      assert.equal(contents.navigate(url), false, url);
      assert.equal(contents.openWindow(url), 'deny', url);
      assert.equal(electron.dialog.shown.length, before, `${url} is not even offered`);
    }
    await settle();
    assert.deepEqual(electron.shell.opened, ['https://www.example.org/report?id=1']);
  });

  test('every permission request and check is denied, and requests leave only for the app’s own files', async () => {
    const session = electron.defaultSession;
    assert.ok(session.permissionRequestHandler && session.permissionCheckHandler, 'without handlers Electron grants every permission');
    const contents = workspace.webContents.asElectron;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'fullscreen',
      'display-capture',
      'hid',
    ] as const) {
      assert.equal(await session.requestPermission(contents, permission, 'app://briefing/index.html'), false, permission);
      assert.equal(session.checkPermission(contents, permission, 'app://briefing'), false, permission);
    }
    for (const url of ['app://briefing/assets/index.js', 'data:image/png;base64,AAAA', 'blob:app://briefing/1'])
      assert.deepEqual(await session.request(url), { cancel: false }, url);
    for (const url of [
      'https://fonts.googleapis.com/css',
      'http://app.local/index.html',
      'file:///etc/passwd',
      'app://other/x',
      'ws://localhost/',
    ])
      assert.deepEqual(await session.request(url), { cancel: true }, url);
  });

  test('the menu is File, Edit, View, Brief, Window and Help as menu-template.ts builds it, and its items send the workspace the commands it runs', async () => {
    const menu = electron.menu.applicationMenu!;
    assert.deepEqual(
      menu.items.map((item) => item.label),
      ['File', 'Edit', 'View', 'Brief', 'Window', 'Help'],
    );
    const state = await fromWorkspace<DocumentState>('document:state');
    const spec = buildMenuTemplate({
      platform: process.platform,
      appName: APP_NAME,
      recent: state.recent,
      canRevert: state.filePath !== null,
      openConflicts: state.openConflicts,
      undo: state.history.undo,
      redo: state.history.redo,
      isPackaged: true,
    });
    assert.deepEqual(shapeOfMenu(menu), shapeOfSpec(spec));

    const sent = workspace.webContents.sent;
    const commands = new Set<string>();
    for (const [item, command] of commandItems(menu, spec)) {
      commands.add(command.command);
      if (!item.enabled) continue;
      const before = sent.length;
      item.click(workspace.asElectron);
      assert.equal(sent.length, before + 1, `${item.label} sends one message`);
      const { channel, args } = sent.at(-1)!;
      assert.equal(channel, 'menu:command');
      assert.ok((EVENTS as readonly string[]).includes(channel), 'an event the preload lets through');
      assert.deepEqual(args, [{ command: command.command, ...(command.path ? { path: command.path } : {}) }], item.label);
      assert.ok(isMenuCommandEvent(args[0]), `${item.label}: a payload the preload passes on`);
    }
    assert.deepEqual([...commands].sort(), [...MENU_COMMANDS].sort(), 'every command the native menu may send is in it');
  });

  test('an export prints through a hidden, equally hardened print window, and only that window may say the print is drawn', async () => {
    const target = join(dir, 'brief.pdf');
    electron.dialog.answers.save.push(target);
    const printWindowOpened = once(electron.events, 'window');
    const options = await fromWorkspace<ExportOptions>('export:defaults');
    const exporting = invoke(mainFrameOf(workspace), 'export:run', 'pdf', options);
    const failedEarly = exporting.then((result) => {
      throw new Error(`the export ended before a print window opened: ${JSON.stringify(result)}`);
    });
    const [printWindow] = (await Promise.race([printWindowOpened, failedEarly])) as [StandInBrowserWindow];
    await pageLoaded(printWindow);
    assert.equal(printWindow.options.show, false);
    assert.equal(printWindow.webContents.backgroundThrottling, false, 'hidden, it draws ahead of the export unslowed');
    assert.deepEqual(printWindow.options.webPreferences, workspace.options.webPreferences);
    assert.deepEqual(printWindow.webContents.loads, ['app://briefing/print.html']);
    assert.equal(printWindow.webContents.navigate('https://www.example.org/'), false, 'the print window is locked too');

    const print = mainFrameOf(printWindow);
    for (const channel of ['print:ready', 'print:failed', 'print:document'])
      assert.deepEqual(
        await invoke(mainFrameOf(workspace), channel, ...(channel === 'print:document' ? [] : ['forged'])),
        FORBIDDEN,
        channel,
      );
    assert.deepEqual(await invoke(print, 'brief:get'), FORBIDDEN, 'the print window only prints');
    const job = await invoke(print, 'print:document');
    assert.ok(job.ok);
    assert.equal((job.value as DrawJob).document.title, options.title);
    assert.deepEqual(await invoke(print, 'print:ready', null, null, null), { ok: true, value: null });

    const result = await exporting;
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.value, { format: 'pdf', path: target, bytes: readFileSync(target).length } satisfies ExportResult);
    assert.match(readFileSync(target, 'latin1'), /^%PDF-1\.7 stand-in print of app:\/\/briefing\/print\.html/);
    assert.equal(printWindow.isDestroyed(), true, 'the print window is closed after printing');
    assert.deepEqual(printWindow.webContents.printed[0]?.pageSize, PAGE_INCHES[options.paper]);
    const stages = workspace.webContents.sent
      .filter((m) => m.channel === 'export:progress')
      .map((m) => (m.args[0] as { stage: string }).stage);
    assert.deepEqual(stages, ['composing', 'rendering', 'printing', 'writing', 'done']);
  });

  test('a second launch with a brief’s file URL opens it through the hardened receive, in the bundled worker', async () => {
    const briefs = join(dir, 'briefs');
    mkdirSync(briefs);
    const [brief] = briefCopies(briefs, 'colleague') as [string];
    const fingerprint = sha256(brief);
    workspace.minimize();
    const reloaded = once(electron.events, 'reload');
    // As a Linux desktop entry hands it over (Exec=… %U): a file:// URL, from another working directory.
    electron.app.secondInstance(['/opt/Briefing Desk/briefing-desk', pathToFileURL(brief).href], '/');
    await unlessErrorBox(electron, reloaded);

    const [worker] = electron.utilityProcess.forks;
    assert.equal(electron.utilityProcess.forks.length, 1);
    assert.equal(worker!.modulePath, join(root, 'dist', 'electron', 'receive-worker.cjs'));
    assert.deepEqual(worker!.options.execArgv, RECEIVE_WORKER_NODE_FLAGS);
    assert.deepEqual(worker!.options.stdio, ['ignore', 'pipe', 'ignore']);

    const state = await fromWorkspace<DocumentState>('document:state');
    assert.equal(state.filePath, brief);
    assert.equal(state.name, 'colleague.sqlite');
    assert.equal(state.dirty, false);
    assert.deepEqual(state.recent, [brief]);
    assert.equal(
      (await fromWorkspace<{ brief: { author: string } }>('brief:get')).brief.author,
      'author',
      'the open brief is the file’s, not the embedded one',
    );
    assert.equal(sha256(brief), fingerprint, 'the file itself is not written to');
    assert.equal(workspace.isMinimized(), false, 'the window comes forward');
    assert.deepEqual(electron.app.recentDocuments.at(-1), brief);

    const recent = electron.menu.applicationMenu!.find('File', 'Open Recent', 'colleague.sqlite');
    recent.click(workspace.asElectron);
    assert.deepEqual(workspace.webContents.sent.at(-1), { channel: 'menu:command', args: [{ command: 'open-recent', path: brief }] });
  });

  test('File > Import source… reads the chosen file in the bundled reader, a utility process that may not make code from strings', async () => {
    const source = join(dir, 'magnets.md');
    writeFileSync(source, '# Magnet plants\n\n## Output\n\nOutput will reach 5,000 tons by 2030 [1].\n\nTwo plants are planned [2].\n');
    const forksBefore = electron.utilityProcess.forks.length;
    electron.dialog.answers.open.push([source]);
    const preview = await fromWorkspace<SourcePreview>('source:import');
    const worker = electron.utilityProcess.forks[forksBefore]!;
    assert.equal(worker.modulePath, join(root, 'dist', 'electron', 'ingest-worker.cjs'));
    assert.deepEqual(worker.options.execArgv, INGEST_WORKER_NODE_FLAGS);
    assert.ok(worker.options.execArgv!.includes('--disallow-code-generation-from-strings'));
    assert.equal((electron.dialog.shown.at(-1)!.options as { title: string }).title, 'Import a source');
    assert.equal(preview.provenance.fileName, 'magnets.md');
    assert.equal(preview.provenance.sha256, sha256(source));
    assert.deepEqual(
      preview.source.themes.map((theme) => [theme.heading, theme.claims.map((claim) => [claim.text, claim.citations])]),
      [
        [
          'Output',
          [
            ['Output will reach 5,000 tons by 2030.', [1]],
            ['Two plants are planned.', [2]],
          ],
        ],
      ],
    );
  });

  test('a file the OS asks to open (macOS open-file) that is gone is reported in a dialog, and the open brief stays', async () => {
    const before = await fromWorkspace<DocumentState>('document:state');
    const gone = join(dir, 'moved-away.sqlite');
    const reported = once(electron.events, 'error-box');
    assert.equal(electron.app.openFile(gone), true, 'the shell takes the request (preventDefault)');
    const [title, content] = await reported;
    assert.equal(title, APP_NAME);
    assert.match(String(content), /moved-away\.sqlite is no longer at/);
    assert.equal((await fromWorkspace<DocumentState>('document:state')).filePath, before.filePath);
  });

  test('closing the last window saves its place, closes the store and quits, though the composer kept a print view loaded', async () => {
    const { storePath } = await fromWorkspace<{ storePath: string }>('app:info');
    assert.ok(existsSync(`${storePath}-wal`), 'the working copy is open (its write-ahead log exists)');
    // The composer is open: main keeps a hidden print window loaded, which must not keep the app running.
    const printWindowOpened = once(electron.events, 'window');
    await fromWorkspace('export:warm', true);
    const [printWindow] = (await printWindowOpened) as [StandInBrowserWindow];
    assert.equal(printWindow.options.show, false);
    const quitting = once(electron.events, 'quit');
    workspace.close();
    await quitting;
    assert.equal(electron.windows.length, 0);
    assert.equal(printWindow.isDestroyed(), true, 'the print view went with the workspace');
    assert.equal(electron.app.quitRequests, 1);
    assert.equal(existsSync(`${storePath}-wal`), false, 'the store was closed (SQLite removes the log when the last connection closes)');
    const saved = JSON.parse(readFileSync(join(profile, 'window-state.json'), 'utf8')) as { bounds: object; maximized: boolean };
    assert.equal(saved.maximized, false);
    assert.ok('width' in saved.bounds);
  });
});

describe('a second launch that does not get the single-instance lock', { timeout: 30_000 }, () => {
  test('quits at once: no store, no window, no channel, no protocol', async (t) => {
    const dir = mkdtempSync(join(tmpdir(), 'briefing-shell-second-'));
    const userDataBefore = process.env.BRIEFING_USER_DATA;
    t.after(() => {
      if (userDataBefore === undefined) delete process.env.BRIEFING_USER_DATA;
      else process.env.BRIEFING_USER_DATA = userDataBefore;
      rmSync(dir, { recursive: true, force: true });
    });
    ensureBuilt();
    const profile = join(dir, 'profile');
    process.env.BRIEFING_USER_DATA = profile;
    const electron = new StandInMainProcess({
      appPath: REPO,
      userData: profile,
      version: VERSION,
      isPackaged: true,
      singleInstanceLock: false,
    });
    requireWithElectron(join(REPO, 'dist', 'electron', 'main.cjs'), electron.module);
    assert.equal(electron.app.singleInstanceLockRequested, true);
    assert.equal(electron.app.quitRequests, 1);
    assert.equal(electron.app.listenerCount('second-instance'), 0, 'the first instance handles launches');
    assert.equal(electron.app.listenerCount('window-all-closed'), 0);
    electron.app.fireReady();
    await settle();
    assert.deepEqual(electron.windows, []);
    assert.deepEqual(electron.ipcMain.registered, []);
    assert.equal(electron.protocol.isProtocolHandled('app'), false);
    assert.equal(existsSync(join(profile, 'briefing.sqlite')), false);
  });
});

/** A menu's shape as both sides can state it: labels, roles, keys, enabled, separators, submenus. */
type Shape = { type?: string; label?: string; role?: string; accelerator?: string; enabled?: boolean; submenu?: Shape[] };

function shapeOfMenu(menu: StandInMenu): Shape[] {
  return menu.items.map((item) => {
    if (item.type === 'separator') return { type: 'separator' };
    const shape: Shape = {};
    if (item.label !== undefined) shape.label = item.label;
    if (item.role !== undefined) shape.role = item.role;
    if (item.accelerator !== undefined) shape.accelerator = item.accelerator;
    if (item.submenu) shape.submenu = shapeOfMenu(item.submenu);
    else if (item.role === undefined) shape.enabled = item.enabled;
    return shape;
  });
}

function shapeOfSpec(spec: MenuItemSpec[]): Shape[] {
  return spec.map((item) => {
    if ('type' in item) return { type: 'separator' };
    if ('submenu' in item) return { label: item.label, ...(item.role ? { role: item.role } : {}), submenu: shapeOfSpec(item.submenu) };
    if ('command' in item)
      return { label: item.label, ...(item.accelerator ? { accelerator: item.accelerator } : {}), enabled: item.enabled ?? true };
    return { ...(item.label ? { label: item.label } : {}), role: item.role };
  });
}

type CommandSpec = Extract<MenuItemSpec, { command: string }>;

/** Each command item of the installed menu with the spec item it was built from (same shape, so same order). */
function* commandItems(menu: StandInMenu, spec: MenuItemSpec[]): Generator<[StandInMenuItem, CommandSpec]> {
  for (const [index, item] of spec.entries()) {
    const installed = menu.items[index]!;
    if ('submenu' in item) yield* commandItems(installed.submenu!, item.submenu);
    else if ('command' in item) yield [installed, item];
  }
}
