import type { BoardRow } from '../../core/views.js';

const MEDALS = ['🥇', '🥈', '🥉'];
const NAME_WIDTH = 20;

/** Board rows as aligned plain lines for a preformatted block; medals for the top three. */
export function boardLines(rows: readonly BoardRow[]): string[] {
  const names = rows.map((r) =>
    r.name.length > NAME_WIDTH ? `${r.name.slice(0, NAME_WIDTH - 1)}…` : r.name,
  );
  const width = Math.max(4, ...names.map((n) => n.length));
  return rows.map((r, i) => {
    const medal = MEDALS[r.rank - 1] ?? '  ';
    const you = r.isCaller ? '  ← you' : '';
    const answered = `${r.answered} answered`;
    return `${medal} ${String(r.rank).padStart(2)}. ${names[i]!.padEnd(width)}  ${String(r.points).padStart(4)} pts  ${answered}${you}`;
  });
}
