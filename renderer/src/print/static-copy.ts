// A copy of part of the page with nothing behind it: the same elements, canvases drawn as images,
// no component state and no script references. The HTML export is one; the print view prints one
// too, because Chromium prints a document whose nodes script still holds (Svelte's effects keep a
// reference to each node they update) much slower: 82 s instead of 46–55 s for a 359-page brief,
// measured with this machine's Chromium.

/** Copies `root` with every canvas in it replaced by an image of what it shows, a PNG in a data URL: the HTML export is one self-contained file. */
export function staticCopy<T extends Element>(root: T): T {
  const live = [...root.querySelectorAll('canvas')];
  return withImages(
    root,
    live,
    live.map((canvas) => canvas.toDataURL('image/png')),
  );
}

/**
 * Copies `root` for a print: every canvas becomes a JPEG on white, in a blob URL (the caller
 * revokes `urls` once the print is done with them). Chromium writes a JPEG into the PDF as it is,
 * where a PNG is decoded and compressed again (37 charts in a 76-page brief: 0.7 s of its print);
 * a JPEG has no transparency, so the chart is drawn on the page's white first. The JPEGs are
 * encoded with `toBlob`, all asked for at once (Chromium encodes them in the page's idle time, or
 * at once after a second): 37 charts took 310–430 ms so, against 510–770 ms as data URLs one after
 * another (this machine's Chromium, measured side by side).
 */
export async function printCopy<T extends Element>(root: T): Promise<{ copy: T; urls: string[] }> {
  const live = [...root.querySelectorAll('canvas')];
  const urls = await Promise.all(live.map(jpegUrl));
  return { copy: withImages(root, live, urls), urls };
}

function withImages<T extends Element>(root: T, live: readonly HTMLCanvasElement[], sources: readonly string[]): T {
  const copy = root.cloneNode(true) as T;
  copy.querySelectorAll('canvas').forEach((canvas, i) => {
    const image = document.createElement('img');
    image.src = sources[i]!;
    image.alt = canvas.getAttribute('aria-label') ?? '';
    // The size it is shown at: drawn out of sight (print-view.ts), it has no client size, only its style's.
    image.width = live[i]!.clientWidth || parseFloat(live[i]!.style.width) || live[i]!.width;
    image.height = live[i]!.clientHeight || parseFloat(live[i]!.style.height) || live[i]!.height;
    canvas.replaceWith(image);
  });
  return copy;
}

/** A canvas as a JPEG on white, in a blob URL (a PNG data URL if it cannot be drawn on white or encoded). */
function jpegUrl(canvas: HTMLCanvasElement): Promise<string> {
  const white = document.createElement('canvas');
  white.width = canvas.width;
  white.height = canvas.height;
  const context = white.getContext('2d');
  if (!context) return Promise.resolve(canvas.toDataURL('image/png'));
  context.fillStyle = '#fff';
  context.fillRect(0, 0, white.width, white.height);
  context.drawImage(canvas, 0, 0);
  return new Promise((resolve) =>
    white.toBlob(
      (blob) => {
        // Its pixels let go now, not when the canvas is collected: 189 charts at three pixels a point are 600 MB.
        white.width = white.height = 0;
        resolve(blob ? URL.createObjectURL(blob) : canvas.toDataURL('image/png'));
      },
      'image/jpeg',
      0.92,
    ),
  );
}
