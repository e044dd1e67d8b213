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

try {
  const job = await api.printDocument();
  const doc = job.document;
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
  await api.printReady(job.wantSnapshot ? selfContainedSnapshot() : null);
} catch (error) {
  // A print view that fails is a failed export: main is told why and writes nothing.
  document.body.textContent = `The brief could not be prepared for printing: ${(error as Error).message}`;
  await api.printFailed((error as Error).message.slice(0, 500)).catch(() => undefined);
}
