/**
 * A small line chart as SVG markup, made at build time from numbers: no script, no library.
 * The chart is one image to assistive technology (role="img"), named by `description`,
 * which should state every value; the drawn labels repeat it for sighted readers.
 */
import { escapeXml } from './xml.ts';

export interface ChartPoint {
  /** Label under the point, such as 2023年. */
  label: string;
  value: number;
  /** The value as printed, shown above the point: 约8000, 21.40. */
  text: string;
}

export interface ChartOptions {
  /** Text alternative stating the values, used for aria-label and <title>. */
  description: string;
  width?: number;
  height?: number;
}

const round = (n: number) => Math.round(n * 10) / 10;

/**
 * Points left to right in the order given. The value axis starts at zero (or at the lowest
 * value, when one is negative), so the heights compare honestly. Fewer than two finite points
 * make no chart: an empty string.
 */
export function lineChartSvg(points: readonly ChartPoint[], opts: ChartOptions): string {
  const pts = points.filter((p) => Number.isFinite(p.value));
  if (pts.length < 2) return '';
  const width = opts.width ?? 160;
  const height = opts.height ?? 72;
  const pad = { left: 18, right: 18, top: 16, bottom: 18 };
  const values = pts.map((p) => p.value);
  const min = Math.min(0, ...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const xy = pts.map((p, i) => ({
    p,
    x: round(pad.left + (innerW * i) / (pts.length - 1)),
    y: round(pad.top + innerH - ((p.value - min) / span) * innerH),
  }));
  const baseline = round(pad.top + innerH - ((0 - min) / span) * innerH);
  const desc = escapeXml(opts.description);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" class="figure-chart" role="img" aria-label="${desc}" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}">`,
    `<title>${desc}</title>`,
    `<line class="figure-chart-axis" x1="${pad.left}" y1="${baseline}" x2="${width - pad.right}" y2="${baseline}" />`,
    `<polyline class="figure-chart-line" fill="none" points="${xy.map((q) => `${q.x},${q.y}`).join(' ')}" />`,
    ...xy.map(
      (q) =>
        `<circle class="figure-chart-point" cx="${q.x}" cy="${q.y}" r="3" />` +
        `<text class="figure-chart-value" x="${q.x}" y="${round(q.y - 6)}" text-anchor="middle">${escapeXml(q.p.text)}</text>` +
        `<text class="figure-chart-label" x="${q.x}" y="${height - 4}" text-anchor="middle">${escapeXml(q.p.label)}</text>`,
    ),
    '</svg>',
  ].join('');
}
