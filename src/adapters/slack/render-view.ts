import type { types } from '@slack/bolt';
import type {
  BoardView,
  GradeResultView,
  HelpView,
  NoticeView,
  PacksView,
  ScheduleView,
  StatsView,
  TopicsView,
  View,
} from '../../core/views.js';
import { GRADE_LABELS, POINTS_LEGEND } from '../../rules/scoring.js';
import { CONFIRM_ACTION, REVEAL_ACTION } from './action-ids.js';
import { context, preformatted, section, sections } from './render-block-limits.js';
import { boardLines } from './render-board.js';
import { escapeMrkdwn } from './render-mrkdwn.js';
import { questionHeading, renderQuestionCard } from './render-question-card.js';
import { renderReveal } from './render-reveal.js';
import { button, message, type SlackMessage } from './slack-message.js';

type Block = types.KnownBlock;

const percent = (x: number) => `${Math.round(x * 100)}%`;
const PERIOD_NAMES = { week: 'this week', month: 'this month', all: 'all time' } as const;
const TONE_ICONS = {
  info: ':information_source:',
  success: ':white_check_mark:',
  error: ':warning:',
} as const;

/** A notice; its text may quote what the user typed, so it is escaped. */
export function renderNotice(view: NoticeView): SlackMessage {
  const text = `${TONE_ICONS[view.tone]} ${escapeMrkdwn(view.text)}`;
  return message(text, [section(text)]);
}

function renderGraded(view: GradeResultView): SlackMessage {
  const again = view.replaced ? ' (replaces your earlier grade)' : '';
  const rank = view.weekRank ? `, *#${view.weekRank}* this week` : '';
  const days = view.streak === 1 ? 'day' : 'days';
  const points = `${view.points} point${view.points === 1 ? '' : 's'}`;
  const text = `*${GRADE_LABELS[view.grade]}*: +${points}${again} on _${escapeMrkdwn(questionHeading(view.question))}_. Total *${view.totalPoints}* points, streak *${view.streak}* ${days}${rank}.`;
  return message(text, [section(`:dart: ${text}`)]);
}

function renderBoard(view: BoardView): SlackMessage {
  const title = `*Leaderboard* — ${PERIOD_NAMES[view.period]}, ${view.scope === 'server' ? 'whole workspace' : 'this channel'}`;
  if (view.rows.length === 0) {
    const text = `${title}\nNo points yet. Be the first: \`/drill today\``;
    return message(text, [section(text)]);
  }
  const lines = boardLines(view.rows);
  if (view.caller) lines.push('   …', ...boardLines([view.caller]));
  const top = view.rows[0]!;
  return message(`Leaderboard: ${escapeMrkdwn(top.name)} leads with ${top.points} points`, [
    section(title),
    ...preformatted(lines),
    context(`Since ${view.periodStart}. ${POINTS_LEGEND}.`),
  ]);
}

function renderStats(view: StatsView): SlackMessage {
  const g = view.grades;
  const fields = [
    `*Points*\n${view.totalPoints} (this week ${view.weekPoints})`,
    `*Streak*\n${view.streak} day${view.streak === 1 ? '' : 's'}`,
    `*Attempts*\n${view.attempts}, graded ${view.graded}`,
    `*Grades*\n${g.nailed} nailed it · ${g.partly} partly · ${g.missed} missed`,
    `*Reviews due*\n${view.reviewsDue}`,
  ];
  const blocks: Block[] = [
    section(`*Stats for ${escapeMrkdwn(view.name)}*`),
    { type: 'section', fields: fields.map((text) => ({ type: 'mrkdwn', text })) },
  ];
  if (view.byTopic.length > 0) {
    blocks.push(
      section('*Accuracy by topic*'),
      ...preformatted(
        view.byTopic.map((t) => `${t.topic.padEnd(12)} ${percent(t.accuracy).padStart(4)} of ${t.attempts}`),
      ),
    );
  }
  return message(`Stats for ${escapeMrkdwn(view.name)}: ${view.totalPoints} points`, blocks);
}

function renderTopics(view: TopicsView): SlackMessage {
  const blocks = view.packs.flatMap((p) => [
    section(
      `*${escapeMrkdwn(p.name)}* (\`${escapeMrkdwn(p.id)}\`, ${p.total} questions) — ${escapeMrkdwn(p.description)}`,
    ),
    ...preformatted(p.topics.map((t) => `${t.topic.padEnd(12)} ${String(t.count).padStart(3)}`)),
  ]);
  blocks.push(context('Ask one: `/drill ask topic=concurrency` or `/drill ask difficulty=hard`'));
  return message(`${view.packs.length} question pack(s)`, blocks);
}

function renderPacks(view: PacksView): SlackMessage {
  const lines = view.packs.map(
    (p) =>
      `• \`${escapeMrkdwn(p.id)}\` *${escapeMrkdwn(p.name)}*: ${p.total} questions, ${p.origin === 'team' ? "this team's own" : 'bundled'}, ${escapeMrkdwn(p.license)}. Topics: ${escapeMrkdwn(p.topics.join(', '))}`,
  );
  return message(`${view.packs.length} question pack(s)`, [
    ...sections(lines.join('\n')),
    context('Draw from some: `/drill ask pack=<id>` or `/drill schedule set … pack=<id>,<id>`'),
  ]);
}

function renderSchedule(view: ScheduleView): SlackMessage {
  const s = view.schedule;
  if (!s) {
    const text =
      'No daily question is scheduled in this channel. Admins: `/drill schedule set 09:00 Europe/Berlin weekdays`';
    return message(text, [section(text)]);
  }
  const filter = [
    s.topic && `topic ${s.topic}`,
    s.difficulty && `difficulty ${s.difficulty}`,
    s.packs && `packs ${s.packs.join(', ')}`,
  ]
    .filter(Boolean)
    .join(', ');
  const head = {
    set: ':calendar: Schedule saved',
    off: ':no_bell: Daily posts turned off',
    none: ':calendar: Schedule',
  }[view.changed ?? 'none'];
  const state = s.enabled
    ? `Next post: *${escapeMrkdwn(s.nextPost ?? 'not planned')}*`
    : `Off${s.disabledReason ? ` (${escapeMrkdwn(s.disabledReason)})` : ''}`;
  const text = `${head}: ${escapeMrkdwn(`${s.time} ${s.timezone}, ${s.days}${filter ? `, ${filter}` : ''}`)}. ${state}`;
  return message(text, [section(text)]);
}

/** The help text, led by the hint a bad command produced. */
export function renderHelp(view: HelpView, hint?: string): SlackMessage {
  const lines = view.commands.map(
    (c) => `\`${escapeMrkdwn(c.usage)}\`\n      ${escapeMrkdwn(c.description)}`,
  );
  const blocks: Block[] = [];
  if (hint) blocks.push(section(`:warning: ${escapeMrkdwn(hint)}`));
  blocks.push(section('*Interview Drill* — one question a day, think, reveal, grade yourself.'));
  blocks.push(...sections(lines.join('\n')));
  return message(hint ? `${escapeMrkdwn(hint)} Try /drill help.` : 'Interview Drill commands', blocks);
}

/** Any core view as a Slack message. Render only: the rules live in the core. */
export function renderView(view: View): SlackMessage {
  switch (view.kind) {
    case 'question':
      return renderQuestionCard(view);
    case 'question-list': {
      const lines = view.matches.map(
        (q) =>
          `• #${q.number} ${escapeMrkdwn(q.title)} (${q.topic}, ${q.difficulty}) — \`/drill ask ${escapeMrkdwn(q.id)}\``,
      );
      const head = `Matches for “${escapeMrkdwn(view.query)}”:`;
      return message(head, sections([head, ...lines].join('\n')));
    }
    case 'reveal':
      return renderReveal(view);
    case 'answer-saved': {
      const text = `:memo: Saved your answer to _${escapeMrkdwn(questionHeading(view.question))}_. Reveal the model answer when you are ready.`;
      return message(text, [
        section(text),
        { type: 'actions', elements: [button('Show answer', REVEAL_ACTION, view.question.id, 'primary')] },
      ]);
    }
    case 'graded':
      return renderGraded(view);
    case 'board':
      return renderBoard(view);
    case 'stats':
      return renderStats(view);
    case 'topics':
      return renderTopics(view);
    case 'packs':
      return renderPacks(view);
    case 'schedule':
      return renderSchedule(view);
    case 'confirm': {
      const text = `:warning: ${escapeMrkdwn(view.prompt)}`;
      const confirm = button(view.button, CONFIRM_ACTION, view.useCase, 'danger');
      return message(text, [section(text), { type: 'actions', elements: [confirm] }]);
    }
    case 'help':
      return renderHelp(view);
    case 'notice':
      return renderNotice(view);
  }
}
