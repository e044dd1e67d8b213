import { readdirSync, readFileSync } from 'node:fs';

// Peak memory of the processes this bench started (Chromium's browser, renderer and GPU
// processes are children of this Node process), sampled from /proc while a measure runs. Linux
// only; elsewhere the peak is null.

interface Sample {
  /** All of this process's descendants together, in MB. */
  treeMB: number;
  /** The largest single descendant (the page being printed, when printing), in MB. */
  largestMB: number;
}

function descendantsRss(root: number): Sample | null {
  let entries: string[];
  try {
    entries = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return null;
  }
  const parent = new Map<number, number>();
  const rss = new Map<number, number>();
  for (const entry of entries) {
    try {
      const status = readFileSync(`/proc/${entry}/status`, 'utf8');
      parent.set(Number(entry), Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0));
      rss.set(Number(entry), Number(/^VmRSS:\s+(\d+) kB/m.exec(status)?.[1] ?? 0) / 1024);
    } catch {
      // The process ended while being read.
    }
  }
  const isDescendant = (pid: number): boolean => {
    for (let at = parent.get(pid); at !== undefined && at > 1; at = parent.get(at)) if (at === root) return true;
    return false;
  };
  let treeMB = 0;
  let largestMB = 0;
  for (const [pid, mb] of rss) {
    if (!isDescendant(pid)) continue;
    treeMB += mb;
    largestMB = Math.max(largestMB, mb);
  }
  return { treeMB, largestMB };
}

/** Runs `work` while sampling every 100 ms; answers its result and the peaks seen (MB, rounded). */
export async function withPeakMemory<T>(work: () => Promise<T>): Promise<{ result: T; peak: Sample | null }> {
  let peak: Sample | null = null;
  const sample = () => {
    const now = descendantsRss(process.pid);
    if (!now) return;
    peak = { treeMB: Math.max(peak?.treeMB ?? 0, now.treeMB), largestMB: Math.max(peak?.largestMB ?? 0, now.largestMB) };
  };
  const timer = setInterval(sample, 100);
  try {
    const result = await work();
    sample();
    const seen = peak as Sample | null;
    return { result, peak: seen && { treeMB: Math.round(seen.treeMB), largestMB: Math.round(seen.largestMB) } };
  } finally {
    clearInterval(timer);
  }
}
