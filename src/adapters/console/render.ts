import type { BoardRow, QuestionCardView, QuestionSummary, View } from '../../core/views.js';
import { GRADE_LABELS } from '../../rules/scoring.js';
import { type ConsoleDisplay, PLAIN_DISPLAY } from './display.js';
import { renderReveal } from './render-reveal.js';

const MEDALS = ['🥇', '🥈', '🥉'];

const heading = (q: QuestionSummary) => `#${q.number} ${q.title}  [${q.topic} · ${q.difficulty}]`;

const percent = (x: number) => `${Math.round(x * 100)}%`;

function boardLines(rows: readonly BoardRow[]): string[] {
  const width = Math.max(4, ...rows.map((r) => r.name.length));
  return rows.map((r) => {
    const medal = MEDALS[r.rank - 1] ?? '  ';
    const you = r.isCaller ? '  ← you' : '';
    return `${medal} ${String(r.rank).padStart(2)}. ${r.name.padEnd(width)}  ${String(r.points).padStart(4)} pts${you}`;
  });
}

function card(view: QuestionCardView): string[] {
  const lines: string[] = [];
  if (view.recap) {
    const r = view.recap;
    const best = r.best.length > 0 ? `; best: ${r.best.join(', ')}` : '';
    lines.push(
      `Yesterday (${r.localDate}): ${r.answered} answered — ${r.grades.nailed} nailed, ${r.grades.partly} partly, ${r.grades.missed} missed${best}`,
    );
  }
  if (view.weekly) {
    lines.push(`Last week's board (from ${view.weekly.weekStart}):`, ...boardLines(view.weekly.board));
    if (view.weekly.weakestTopics.length > 0) {
      lines.push(
        `Weakest topics: ${view.weekly.weakestTopics.map((t) => `${t.topic} (${percent(t.accuracy)})`).join(', ')}`,
      );
    }
  }
  const label = {
    daily: `Today's question${view.localDate ? ` (${view.localDate})` : ''}`,
    ask: 'Question',
    review: 'Review',
  }[view.context];
  lines.push(`${label}: ${heading(view.question)}`);
  if (view.context === 'review') {
    lines.push(
      view.unseen ? 'A new question for your review deck.' : `${view.dueAfter ?? 0} more due after this one.`,
    );
  }
  lines.push('Think first. Then: answer <text> to write yours, reveal to see the model answer.');
  return lines;
}

/** A core view as text for the terminal: styled on a tty, plain when piped (the default). */
export function renderText(view: View, display: ConsoleDisplay = PLAIN_DISPLAY): string {
  switch (view.kind) {
    case 'question':
      return card(view).join('\n');
    case 'question-list':
      return [`Matches for "${view.query}":`, ...view.matches.map((q) => `  ${heading(q)}`)].join('\n');
    case 'answer-saved':
      return `Saved your answer to #${view.question.number}. Type reveal when you are ready.`;
    case 'reveal':
      return renderReveal(view, display);
    case 'graded': {
      const rank = view.weekRank ? `, #${view.weekRank} this week` : '';
      const again = view.replaced ? ' (replaces your earlier grade)' : '';
      return `${GRADE_LABELS[view.grade]}: +${view.points} points${again}. Total ${view.totalPoints}, streak ${view.streak} day(s)${rank}.`;
    }
    case 'board': {
      const title = `Leaderboard — ${{ week: 'this week', month: 'this month', all: 'all time' }[view.period]}, ${view.scope}`;
      if (view.rows.length === 0) return `${title}\nNo points yet. Be the first: /drill today`;
      const lines = [title, ...boardLines(view.rows)];
      if (view.caller) lines.push('   …', ...boardLines([view.caller]));
      return lines.join('\n');
    }
    case 'stats': {
      const lines = [
        `Stats for ${view.name}`,
        `Points: ${view.totalPoints} (this week ${view.weekPoints})   Streak: ${view.streak} day(s)`,
        `Attempts: ${view.attempts}, graded ${view.graded} — ${view.grades.nailed} nailed, ${view.grades.partly} partly, ${view.grades.missed} missed`,
        `Reviews due: ${view.reviewsDue}`,
      ];
      if (view.byTopic.length > 0) {
        lines.push(
          'Accuracy by topic:',
          ...view.byTopic.map(
            (t) => `  ${t.topic.padEnd(12)} ${percent(t.accuracy).padStart(4)} of ${t.attempts}`,
          ),
        );
      }
      return lines.join('\n');
    }
    case 'topics':
      return view.packs
        .map((p) =>
          [
            `${p.name} (${p.id}, ${p.total} questions) — ${p.description}`,
            ...p.topics.map((t) => `  ${t.topic.padEnd(12)} ${t.count}`),
          ].join('\n'),
        )
        .join('\n');
    case 'packs':
      return view.packs
        .map(
          (p) =>
            `${p.id.padEnd(16)} ${p.name} — ${p.total} questions, ${p.origin === 'team' ? "this team's own" : 'bundled'}, ${p.license}\n  topics: ${p.topics.join(', ')}`,
        )
        .join('\n');
    case 'schedule': {
      const s = view.schedule;
      if (!s)
        return 'No daily question is scheduled here. Admins: /drill schedule set 09:00 Europe/Berlin weekdays';
      const filter = [
        s.topic && `topic ${s.topic}`,
        s.difficulty && `difficulty ${s.difficulty}`,
        s.packs && `packs ${s.packs.join(', ')}`,
      ]
        .filter(Boolean)
        .join(', ');
      const head =
        view.changed === 'set'
          ? 'Schedule saved: '
          : view.changed === 'off'
            ? 'Daily posts turned off. Was: '
            : 'Schedule: ';
      const state = s.enabled
        ? `Next post: ${s.nextPost}`
        : `Off${s.disabledReason ? ` (${s.disabledReason})` : ''}`;
      return `${head}${s.time} ${s.timezone}, ${s.days}${filter ? `, ${filter}` : ''}. ${state}`;
    }
    case 'confirm':
      return `${view.prompt}\nType confirm to go ahead (${view.button}), anything else to keep it.`;
    case 'help':
      return ['Commands:', ...view.commands.map((c) => `  ${c.usage}\n      ${c.description}`)].join('\n');
    case 'notice':
      return view.tone === 'error' ? `! ${view.text}` : view.text;
  }
}
