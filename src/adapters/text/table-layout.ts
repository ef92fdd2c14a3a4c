import type { TableAlign } from '../../core/markdown-tree.js';
import { columns, wrapWords } from './wrap-words.js';

/**
 * Code blocks on a phone show about 40 monospace columns before they wrap a line, and a wrapped
 * table row is unreadable: tables sent to chat are laid out within this width.
 */
export const PHONE_COLUMNS = 40;

/** Below this a column is too narrow to read; past it, cells are cut mid-word. */
const MIN_COLUMN = 4;

/** The longest word of each column: the width a column keeps before words are cut. */
const longestWords = (rows: readonly (readonly string[])[], count: number) =>
  Array.from({ length: count }, (_, c) =>
    Math.max(1, ...rows.flatMap((r) => (r[c] ?? '').split(/\s+/).map(columns))),
  );

/**
 * Column widths that fit a budget: the widest column gives up a column at a time, first down to
 * its longest word (so words stay whole), then down to a few columns. A budget too small even for
 * that is overrun rather than made unreadable.
 */
export function fitColumns(rows: readonly (readonly string[])[], budget: number): number[] {
  const count = Math.max(0, ...rows.map((r) => r.length));
  const widths = Array.from({ length: count }, (_, c) =>
    Math.max(1, ...rows.map((r) => columns(r[c] ?? ''))),
  );
  const floors = [longestWords(rows, count), widths.map((w) => Math.min(w, MIN_COLUMN))];
  for (const floor of floors) {
    let total = widths.reduce((a, b) => a + b, 0);
    while (total > budget) {
      let widest = -1;
      for (let c = 0; c < count; c++) {
        if (widths[c]! > floor[c]! && (widest < 0 || widths[c]! >= widths[widest]!)) widest = c;
      }
      if (widest < 0) break;
      widths[widest]!--;
      total--;
    }
  }
  return widths;
}

function pad(text: string, width: number, align: TableAlign): string {
  const room = Math.max(0, width - columns(text));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}

const GAP = '  ';

/**
 * A table as aligned monospace lines no wider than width: the header, a rule under each column,
 * then the rows. Cells too long for their column wrap onto further lines; when any row does, a
 * blank line separates the rows so each reads as one.
 */
export function alignedTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align: readonly TableAlign[],
  width: number,
): string[] {
  const all = [header, ...rows];
  const widths = fitColumns(all, width - GAP.length * (Math.max(1, header.length) - 1));
  const wrapped = all.map((row) => widths.map((w, c) => wrapWords(row[c] ?? '', w)));
  const layout = (cells: string[][]) => {
    const height = Math.max(...cells.map((lines) => lines.length));
    return Array.from({ length: height }, (_, i) =>
      widths
        .map((w, c) => pad(cells[c]![i] ?? '', w, align[c] ?? null))
        .join(GAP)
        .trimEnd(),
    );
  };
  const [head, ...body] = wrapped;
  const spaced = body.some((cells) => cells.some((lines) => lines.length > 1));
  const lines = [...layout(head!), widths.map((w) => '─'.repeat(w)).join(GAP)];
  body.forEach((cells, i) => {
    if (spaced && i > 0) lines.push('');
    lines.push(...layout(cells));
  });
  return lines;
}
