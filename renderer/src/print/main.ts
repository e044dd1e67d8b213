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
  const doc = await api.printDocument();
  document.title = doc.title;
  const charts: Promise<void>[] = [];
  mount(BriefDocument, { target: document.getElementById('print')!, props: { doc, onChartDrawn: (done: Promise<void>) => charts.push(done) } });
  await tick();
  await Promise.all(charts);
  await document.fonts.ready;
  await api.printReady(selfContainedSnapshot());
} catch (error) {
  document.body.textContent = `The brief could not be prepared for printing: ${(error as Error).message}`;
  await api.printReady(selfContainedSnapshot()).catch(() => undefined);
}
