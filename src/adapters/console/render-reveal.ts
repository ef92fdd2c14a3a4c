import type { Inline } from '../../core/markdown-tree.js';
import { GRADES } from '../../core/types.js';
import type { QuestionSummary, RevealView } from '../../core/views.js';
import { GRADE_LABELS } from '../../rules/scoring.js';
import { columns, wrapWords } from '../text/wrap-words.js';
import type { ConsoleDisplay } from './display.js';
import { consoleBullet, consoleMarkdown, styled } from './render-markdown.js';

const BULLET = '  • ';
const FOLLOW_UP_ANSWER = '      ↳ ';

/** A section's name: dim on a terminal, with a colon when piped so plain text still reads as a label. */
const label = (text: string, display: ConsoleDisplay) =>
  display.tty ? styled(text, ['dim'], display) : `${text}:`;

/** The heading in bold and its topic and difficulty dim, wrapped to the terminal. */
function title(q: QuestionSummary, display: ConsoleDisplay): string {
  const tags = `[${q.topic} · ${q.difficulty}]`;
  const heading = `Model answer — #${q.number} ${q.title}`;
  if (!display.tty) return `${heading}  ${tags}`;
  const lines = wrapWords(heading, display.width);
  const last = lines.length - 1;
  const tagsFit = columns(lines[last]!) + 2 + columns(tags) <= display.width;
  return [
    ...lines.map((line, i) =>
      i === last && tagsFit
        ? `${styled(line, ['bold'], display)}  ${styled(tags, ['dim'], display)}`
        : styled(line, ['bold'], display),
    ),
    ...(tagsFit ? [] : [styled(tags, ['dim'], display)]),
  ].join('\n');
}

/** "**Nailed it:** what that sounds like" as one bullet. */
const listenFor = (grade: (typeof GRADES)[number], text: readonly Inline[]): Inline[] => [
  { type: 'strong', children: [{ type: 'text', value: `${GRADE_LABELS[grade]}:` }] },
  { type: 'text', value: ' ' },
  ...text,
];

/** The model answer beside what the person wrote, then how to grade it. */
export function renderReveal(view: RevealView, display: ConsoleDisplay): string {
  const p = view.parsed;
  const parts = [
    title(view.question, display),
    `${label('Short answer', display)}\n${consoleMarkdown(p.shortAnswer, display)}`,
    consoleMarkdown(p.answer, display),
    [label('Key points', display), ...p.keyPoints.map((k) => consoleBullet(BULLET, k, display))].join('\n'),
    [
      label('What interviewers listen for', display),
      ...GRADES.map((g) => consoleBullet(BULLET, listenFor(g, p.listenFor[g]), display)),
    ].join('\n'),
  ];
  if (p.mistakes.length > 0) {
    parts.push(
      [label('Common mistakes', display), ...p.mistakes.map((m) => consoleBullet(BULLET, m, display))].join(
        '\n',
      ),
    );
  }
  if (p.example) parts.push(`${label('Example', display)}\n${consoleMarkdown(p.example, display)}`);
  if (p.followUps.length > 0) {
    const lines = p.followUps.flatMap((f) => [
      consoleBullet(BULLET, f.question, display),
      ...(f.answer ? [consoleBullet(FOLLOW_UP_ANSWER, f.answer, display)] : []),
    ]);
    parts.push([label('Follow-ups', display), ...lines].join('\n'));
  }
  // What the person typed, shown as they typed it.
  if (view.writtenAnswer) parts.push(`${label('Your answer', display)}\n${view.writtenAnswer}`);
  const prompt = ['How did you do? grade nailed | grade partly | grade missed'];
  if (view.currentGrade) prompt.push(`(currently graded: ${GRADE_LABELS[view.currentGrade]})`);
  parts.push(prompt.flatMap((line) => (display.tty ? wrapWords(line, display.width) : [line])).join('\n'));
  return parts.join('\n\n');
}
