import type { APIEmbed } from 'discord.js';
import type { BoardRow, BoardView, StatsView } from '../../core/views.js';
import { COLORS, MEDALS, percent, plain } from './embed-style.js';

const PERIOD_LABEL = { week: 'this week', month: 'this month', all: 'all time' } as const;

/** Board rows as lines: medals for the top three, the caller in bold. */
export function boardLines(rows: readonly BoardRow[]): string[] {
  return rows.map((r) => {
    const place = MEDALS[r.rank - 1] ?? `\`${String(r.rank).padStart(2)}.\``;
    const line = `${place} ${plain(r.name)} — **${r.points}** pts · ${r.answered} answered`;
    return r.isCaller ? `**→** ${line} *(you)*` : line;
  });
}

export function renderBoard(view: BoardView): APIEmbed {
  const title = `Leaderboard — ${PERIOD_LABEL[view.period]}, ${view.scope === 'channel' ? 'this channel' : 'this server'}`;
  if (view.rows.length === 0) {
    return { color: COLORS.board, title, description: 'No points yet. Be the first: `/drill today`' };
  }
  const lines = boardLines(view.rows);
  if (view.caller) lines.push('⋯', ...boardLines([view.caller]));
  return {
    color: COLORS.board,
    title,
    description: lines.join('\n'),
    footer: { text: view.period === 'all' ? 'All time' : `Since ${view.periodStart}` },
  };
}

export function renderStats(view: StatsView): APIEmbed {
  const fields = [
    { name: 'Points', value: `${view.totalPoints} (this week ${view.weekPoints})`, inline: true },
    { name: 'Streak', value: `${view.streak} day${view.streak === 1 ? '' : 's'}`, inline: true },
    { name: 'Reviews due', value: String(view.reviewsDue), inline: true },
    {
      name: 'Attempts',
      value: `${view.attempts}, graded ${view.graded}: ${view.grades.nailed} nailed, ${view.grades.partly} partly, ${view.grades.missed} missed`,
    },
  ];
  if (view.byTopic.length > 0) {
    fields.push({
      name: 'Accuracy by topic',
      value: view.byTopic.map((t) => `${t.topic}: ${percent(t.accuracy)} of ${t.attempts}`).join('\n'),
    });
  }
  return { color: COLORS.info, title: `Stats for ${plain(view.name)}`, fields };
}
