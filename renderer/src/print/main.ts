// The print view: the composed brief as paper, for PDF (printToPDF / page.pdf) and the HTML export.
// It is loaded once and draws one job after another: it asks main for the next document, draws
// it, waits for fonts and charts, says it is ready, and asks again.
import '@fontsource/noto-serif/400.css';
import '@fontsource/noto-serif/700.css';
import '@fontsource/noto-serif/400-italic.css';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './print.css';
import { api } from '../lib/api.ts';
import { PrintView } from './print-view.ts';
import { selfContainedSnapshot } from './snapshot.ts';

const view = new PrintView(document.getElementById('print')!);
void view.warmUp();
for (;;) {
  // Waits until an export hands over a job. Refused (another print view took this one's place): nothing more to draw here.
  const job = await api.printDocument().catch(() => null);
  if (!job) break;
  try {
    if (job.kind === 'section') {
      await view.showSection(job.index);
      await api.printReady(null, null, null);
      continue;
    }
    const { pages, sections } = await view.draw(job);
    // Only the HTML export needs the page as one file; building it for a 500-page PDF would waste seconds.
    await api.printReady(job.wantSnapshot ? selfContainedSnapshot() : null, pages, sections);
  } catch (error) {
    // A print view that fails is a failed export: main is told why and writes nothing.
    await api.printFailed((error as Error).message.slice(0, 500)).catch(() => undefined);
  }
}
