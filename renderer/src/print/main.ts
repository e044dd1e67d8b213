// The print view: the composed brief as paper, for PDF (printToPDF / page.pdf) and the HTML export.
// It asks main for the document, renders it, waits for fonts and charts, then says it is ready.
import '@fontsource/noto-serif/400.css';
import '@fontsource/noto-serif/700.css';
import '@fontsource/noto-serif/400-italic.css';
import '@fontsource/noto-sans/400.css';
import '@fontsource/noto-sans/700.css';
import '@fontsource/noto-sans-sc/400.css';
import '@fontsource/noto-sans-sc/700.css';
import './print.css';
import { mount, tick } from 'svelte';
import BriefDocument from '../components/BriefDocument.svelte';
import { api } from '../lib/api.ts';
import { selfContainedSnapshot } from './snapshot.ts';

let wantSnapshot = false;
try {
  const job = await api.printDocument();
  const doc = job.document;
  wantSnapshot = job.wantSnapshot;
  document.title = doc.title;
  const charts: Promise<void>[] = [];
  mount(BriefDocument, {
    target: document.getElementById('print')!,
    props: { doc, onChartDrawn: (done: Promise<void>) => charts.push(done) },
  });
  await tick();
  await Promise.all(charts);
  await document.fonts.ready;
  // Only the HTML export needs the page as one file; building it for a 500-page PDF would waste seconds.
  await api.printReady(wantSnapshot ? selfContainedSnapshot() : null);
} catch (error) {
  document.body.textContent = `The brief could not be prepared for printing: ${(error as Error).message}`;
  await api.printReady(wantSnapshot ? selfContainedSnapshot() : null).catch(() => undefined);
}
