// Small statistics and formatting helpers for the benchmark report.

export function median(values) {
  const xs = values
    .filter((v) => typeof v === 'number' && Number.isFinite(v))
    .sort((a, b) => a - b);
  if (xs.length === 0) return null;
  const mid = xs.length >> 1;
  return xs.length % 2 ? xs[mid] : (xs[mid - 1] + xs[mid]) / 2;
}

export const fmtMs = (v) =>
  v == null ? '—' : v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${v.toFixed(1)} ms`;
export const fmtKb = (v) => (v == null ? '—' : `${(v / 1024).toFixed(1)} KiB`);
export const fmtMb = (v) => (v == null ? '—' : `${(v / 1048576).toFixed(2)} MB`);
export const fmtX = (v) => (v == null ? '—' : `${v.toFixed(v >= 10 ? 0 : 2)}×`);

/** Renders rows (arrays of strings) as an aligned plain-text table. */
export function table(header, rows) {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => String(r[i] ?? '').length)));
  const line = (r) =>
    r
      .map((c, i) => String(c ?? '').padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}
