import type { FigureResult } from './figure.js';

/** Three significant digits, without exponent noise for ordinary sizes. */
export function formatNumber(x: number | null): string {
  if (x === null) return '—';
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1000) return Math.round(x).toLocaleString('en-US');
  const digits = Math.max(0, 2 - Math.floor(Math.log10(abs)));
  return x.toFixed(Math.min(digits, 4));
}

function row(r: FigureResult): string[] {
  const ratio = r.ratio === null ? '—' : `${formatNumber(r.ratio)}× (${r.ratioOf})`;
  const target = `${r.targetOn} ${r.target.op} ${formatNumber(r.target.value)}`;
  return [
    r.name,
    `${formatNumber(r.value)} ${r.unit}`,
    r.baseline === null ? '—' : `${formatNumber(r.baseline)} ${r.unit}`,
    ratio,
    target,
    r.pass ? 'pass' : 'FAIL',
  ];
}

/** The results as a fixed-width text table, one figure a line. */
export function formatTable(results: readonly FigureResult[]): string {
  const header = ['figure', 'value', 'baseline', 'ratio', 'target', 'result'];
  const rows = [header, ...results.map(row)];
  const widths = header.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}
