// A copy of part of the page with nothing behind it: the same elements, canvases drawn as images,
// no component state and no script references. The HTML export is one; the print view prints one
// too, because Chromium prints a document whose nodes script still holds (Svelte's effects keep a
// reference to each node they update) much slower: 82 s instead of 46–55 s for a 359-page brief,
// measured with this machine's Chromium.

/**
 * Copies `root` with every canvas in it replaced by an image of what it shows: a PNG (lossless,
 * for the HTML export), or a JPEG for a print (see asJpeg).
 */
export function staticCopy<T extends Element>(root: T, images: 'png' | 'jpeg' = 'png'): T {
  const copy = root.cloneNode(true) as T;
  const live = [...root.querySelectorAll('canvas')];
  copy.querySelectorAll('canvas').forEach((canvas, i) => {
    const image = document.createElement('img');
    image.src = images === 'jpeg' ? asJpeg(live[i]!) : live[i]!.toDataURL('image/png');
    image.alt = canvas.getAttribute('aria-label') ?? '';
    // The size it is shown at: drawn out of sight (print-view.ts), it has no client size, only its style's.
    image.width = live[i]!.clientWidth || parseFloat(live[i]!.style.width) || live[i]!.width;
    image.height = live[i]!.clientHeight || parseFloat(live[i]!.style.height) || live[i]!.height;
    canvas.replaceWith(image);
  });
  return copy;
}

/**
 * A canvas as a JPEG on white: Chromium writes a JPEG into the PDF as it is, where a PNG is decoded
 * and compressed again (37 charts in a 76-page brief: 0.7 s of its print), and a JPEG has no
 * transparency, so the chart is drawn on the page's white first.
 */
function asJpeg(canvas: HTMLCanvasElement): string {
  const white = document.createElement('canvas');
  white.width = canvas.width;
  white.height = canvas.height;
  const context = white.getContext('2d');
  if (!context) return canvas.toDataURL('image/png');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, white.width, white.height);
  context.drawImage(canvas, 0, 0);
  const jpeg = white.toDataURL('image/jpeg', 0.92);
  // Its pixels let go now, not when the canvas is collected: 189 charts at three pixels a point are 600 MB.
  white.width = white.height = 0;
  return jpeg;
}
