// One description of an indicator's history as a chart, drawn by the workspace (IndicatorChart) and
// the export (BriefChart) alike, so both say the same thing: values placed by their dates (the x
// axis counts days, so a gap of two years looks like two years), values the source leaves undated
// set apart and labelled "undated" (never given a date or an order in time they do not have), and
// a value dated after today (or the export's date) marked as a projection, not drawn as observed.

export interface ChartObservation {
  value: number;
  /** The value as written everywhere ("< 1%"). */
  display: string;
  /** YYYY-MM-DD, or null when the source does not date it. */
  asOf: string | null;
}

export interface ChartPoint {
  /** Days since 1970-01-01 for a dated value; a place left of the dated ones for an undated value. */
  x: number;
  value: number;
  display: string;
  /** "2025-11-09", "2027-01-01, projection" or "undated". */
  label: string;
  dated: boolean;
  projection: boolean;
}

export interface ChartTick {
  x: number;
  label: string;
}

export interface ChartDescription {
  /** Undated values first (in the indicator's order), then dated ones by date. */
  points: ChartPoint[];
  /** Where the x axis is labelled, and with what. */
  ticks: ChartTick[];
  xMin: number;
  xMax: number;
  /** The history as one line of text: "55% (undated) → 78% (2025-11-09)". */
  caption: string;
}

export const UNDATED = 'undated';
export const PROJECTION = 'projection';

const DAY_MS = 86_400_000;
/** Days since 1970-01-01 of a YYYY-MM-DD date (NaN when it is not one). */
export const epochDay = (iso: string): number => (/^\d{4}-\d{2}-\d{2}$/.test(iso) ? Date.parse(`${iso}T00:00:00Z`) / DAY_MS : NaN);
/** The YYYY-MM-DD date of a day count. */
export const dateOfEpochDay = (day: number): string => new Date(Math.round(day) * DAY_MS).toISOString().slice(0, 10);

/** At most this many dates are written under the axis; beyond it, evenly spaced dates are. */
const MAX_DATE_TICKS = 6;

/** The chart of a history. `today` (YYYY-MM-DD) is the day after which a dated value is a projection. */
export function describeChart(observations: readonly ChartObservation[], today: string): ChartDescription {
  const withDay = observations.map((o) => ({ o, day: o.asOf === null ? NaN : epochDay(o.asOf) }));
  // Sorted by date; values of one date keep the indicator's order (the sort is stable).
  const dated = withDay.filter((d) => !Number.isNaN(d.day)).sort((a, b) => a.day - b.day);
  const undated = withDay.filter((d) => Number.isNaN(d.day));

  const first = dated[0]?.day ?? 0;
  const last = dated.at(-1)?.day ?? 0;
  const span = last - first;
  // Undated values stand apart, left of the first date, one step each: a step of the chart's own
  // scale, so they read as a separate group, not as a date.
  const step = dated.length === 0 ? 1 : Math.max(span / Math.max(dated.length, 4), 30);

  const points: ChartPoint[] = [
    ...undated.map(({ o }, i): ChartPoint => ({
      x: dated.length === 0 ? i : first - step * (undated.length - i),
      value: o.value,
      display: o.display,
      label: UNDATED,
      dated: false,
      projection: false,
    })),
    ...dated.map(({ o, day }): ChartPoint => {
      const projection = o.asOf! > today;
      return {
        x: day,
        value: o.value,
        display: o.display,
        label: projection ? `${o.asOf}, ${PROJECTION}` : o.asOf!,
        dated: true,
        projection,
      };
    }),
  ];

  const distinctDays = [...new Set(dated.map((d) => d.day))];
  // A date that holds only projections says so under the axis too.
  const dayLabel = (day: number) =>
    points.some((p) => p.dated && p.x === day && !p.projection) ? dateOfEpochDay(day) : `${dateOfEpochDay(day)}, ${PROJECTION}`;
  const dateTicks: ChartTick[] =
    distinctDays.length <= MAX_DATE_TICKS
      ? distinctDays.map((day) => ({ x: day, label: dayLabel(day) }))
      : Array.from({ length: MAX_DATE_TICKS - 1 }, (_, i) => {
          const day = Math.round(first + (span * i) / (MAX_DATE_TICKS - 2));
          return { x: day, label: dateOfEpochDay(day) };
        });
  const ticks = [...points.filter((p) => !p.dated).map((p) => ({ x: p.x, label: UNDATED })), ...dateTicks];

  const xs = points.map((p) => p.x);
  const low = xs.length > 0 ? Math.min(...xs) : 0;
  const high = xs.length > 0 ? Math.max(...xs) : 0;
  const pad = dated.length === 0 ? 0.5 : Math.max((high - low) * 0.06, step / 2);
  return {
    points,
    ticks,
    xMin: low - pad,
    xMax: high + pad,
    caption: points.map((p) => `${p.display} (${p.label})`).join(' → '),
  };
}

export interface ChartXY {
  x: number;
  y: number;
}

/** The lines to draw: observed values joined solid, projections dashed on from the last observed value, undated values as lone points. */
export function chartSeries(chart: ChartDescription): { observed: ChartXY[]; projected: ChartXY[]; undated: ChartXY[] } {
  const xy = (p: ChartPoint) => ({ x: p.x, y: p.value });
  const observed = chart.points.filter((p) => p.dated && !p.projection).map(xy);
  const ahead = chart.points.filter((p) => p.projection).map(xy);
  return {
    observed,
    projected: ahead.length > 0 ? [...observed.slice(-1), ...ahead] : [],
    undated: chart.points.filter((p) => !p.dated).map(xy),
  };
}

/** The label under the axis at `x` (Chart.js asks for each tick it draws). */
export function tickLabel(chart: ChartDescription, x: number): string {
  return chart.ticks.find((t) => Math.abs(t.x - x) < 1e-6)?.label ?? '';
}
