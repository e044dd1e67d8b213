// Renders build/icon.svg to build/icon.png (512 px), from which electron-builder makes the
// .icns and .ico. Run by hand after changing the SVG: node scripts/render-icon.ts
import { readFileSync } from 'node:fs';
import { chromium } from '@playwright/test';
import { findChromium } from '../hosts/browser-binaries.ts';
import { CHROMIUM_FLAGS } from '../hosts/chromium/host.ts';

const browser = await chromium.launch({ executablePath: await findChromium(), args: CHROMIUM_FLAGS });
const page = await browser.newPage({ viewport: { width: 512, height: 512 } });
await page.setContent(`<html><body style="margin:0;background:transparent">${readFileSync('build/icon.svg', 'utf8')}</body></html>`);
await page.screenshot({ path: 'build/icon.png', omitBackground: true });
await browser.close();
console.log('wrote build/icon.png');
