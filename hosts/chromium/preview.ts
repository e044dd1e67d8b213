// `npm run preview`: the workspace in a Chromium window, for machines where Electron's binary
// cannot be had. Same renderer, same router, same store in the user's data folder as the app.
//   --screenshot FILE   headless: open, wait for the brief, save a screenshot, exit
//   --dark              dark colour scheme
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { readFileSync } from 'node:fs';
import { userDataDir } from '../../electron/services/policy/index.ts';
import { ScriptedDialogs } from '../../electron/services/documents/index.ts';
import { launchChromiumHost } from './host.ts';

const { values } = parseArgs({ options: { screenshot: { type: 'string' }, dark: { type: 'boolean', default: false } } });
const rendererRoot = fileURLToPath(new URL('../../dist/renderer', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

const headless = values.screenshot !== undefined;
if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
  console.error(
    'No display to open a window on; run it under a desktop session or "xvfb-run npm run preview", or use "npm run preview -- --screenshot out.png".',
  );
  process.exit(1);
}

try {
  const host = await launchChromiumHost({
    rendererRoot,
    userData: userDataDir(),
    headless,
    version,
    colorScheme: values.dark ? 'dark' : 'light',
    dialogs: new ScriptedDialogs({ interactive: !headless }),
  });
  console.log(`Briefing Desk (Chromium host) on ${host.backend.documents.workspace.db.name}`);
  await host.page.goto(host.url);
  if (values.screenshot) {
    await host.page.getByRole('heading', { name: 'Indicators' }).waitFor();
    await host.page.screenshot({ path: values.screenshot, fullPage: false });
    console.log(`screenshot saved to ${values.screenshot}`);
    await host.close();
  } else {
    await new Promise<void>((resolve) => host.page.on('close', () => resolve()));
    await host.close();
  }
} catch (error) {
  console.error((error as Error).message);
  process.exit(1);
}
