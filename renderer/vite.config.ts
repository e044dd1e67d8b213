import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { META_CONTENT_SECURITY_POLICY } from '../electron/services/policy/index.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: '/',
  plugins: [
    svelte(),
    {
      name: 'briefing-csp-meta',
      // The CSP header of both hosts, repeated as the first tag of <head>.
      transformIndexHtml: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: META_CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  ],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // No inline assets: a data: URL for a font or script would need a looser CSP.
    assetsInlineLimit: 0,
    target: 'chrome130',
    sourcemap: true,
    rollupOptions: {
      // Two pages: the workspace, and the print view that PDF and HTML exports render.
      input: { index: fileURLToPath(new URL('index.html', import.meta.url)), print: fileURLToPath(new URL('print.html', import.meta.url)) },
    },
  },
});
