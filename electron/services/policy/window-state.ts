// Where the window opens: where the user left it, if that still fits a screen (displays come and
// go between sessions), else centred on the primary display.

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 860 };
export const MIN_SIZE = { width: 720, height: 480 };
/** How much of the title bar must be on a screen for the saved place to count. */
const VISIBLE = { width: 120, height: 40 };

function overlap(a: Rect, b: Rect): { width: number; height: number } {
  return {
    width: Math.max(0, Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x)),
    height: Math.max(0, Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y)),
  };
}

const isRect = (value: unknown): value is Rect =>
  typeof value === 'object' &&
  value !== null &&
  ['x', 'y', 'width', 'height'].every((k) => Number.isFinite((value as Record<string, unknown>)[k]));

/** `saved` may be anything read from disk; `workAreas` are the displays' work areas, primary first. */
export function restoreWindowState(saved: unknown, workAreas: readonly Rect[]): WindowState {
  const primary = workAreas[0] ?? { x: 0, y: 0, ...DEFAULT_SIZE };
  const state = saved as Partial<WindowState> | null;
  if (state && isRect(state.bounds)) {
    const bounds = state.bounds;
    const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: VISIBLE.height };
    const home = workAreas.find((area) => {
      const seen = overlap(titleBar, area);
      return seen.width >= VISIBLE.width && seen.height >= VISIBLE.height / 2;
    });
    if (home) {
      const width = Math.round(Math.min(Math.max(bounds.width, MIN_SIZE.width), home.width));
      const height = Math.round(Math.min(Math.max(bounds.height, MIN_SIZE.height), home.height));
      return { bounds: { x: Math.round(bounds.x), y: Math.round(bounds.y), width, height }, maximized: state.maximized === true };
    }
  }
  const width = Math.min(DEFAULT_SIZE.width, primary.width);
  const height = Math.min(DEFAULT_SIZE.height, primary.height);
  return {
    bounds: {
      x: Math.round(primary.x + (primary.width - width) / 2),
      y: Math.round(primary.y + (primary.height - height) / 2),
      width,
      height,
    },
    maximized: false,
  };
}
