// The HTML export is the print view as it stands once drawn: one file with its styles inline,
// charts as images, no script and nothing fetched from anywhere.

import { staticCopy } from './static-copy.ts';

const EXPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

export function selfContainedSnapshot(): string {
  const clone = staticCopy(document.documentElement);
  clone.querySelectorAll('script, link, meta[http-equiv]').forEach((node) => node.remove());

  // Our own stylesheets, minus the web fonts (their files stay behind; the page falls back to system fonts).
  const css = [...document.styleSheets]
    .flatMap((sheet) => [...sheet.cssRules])
    .filter((rule) => !(rule instanceof CSSFontFaceRule))
    .map((rule) => rule.cssText)
    .join('\n');
  const head = clone.querySelector('head')!;
  const policy = document.createElement('meta');
  policy.httpEquiv = 'Content-Security-Policy';
  policy.content = EXPORT_CSP;
  head.prepend(policy);
  const style = document.createElement('style');
  style.textContent = css;
  head.append(style);
  return `<!doctype html>\n${clone.outerHTML}`;
}
