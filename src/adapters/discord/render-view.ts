import type { View } from '../../core/views.js';
import { type DiscordMessage, layoutMessages } from './message-layout.js';
import { renderBoard, renderStats } from './render-board.js';
import {
  renderConfirm,
  renderHelp,
  renderNotice,
  renderPacks,
  renderSchedule,
  renderTopics,
} from './render-info.js';
import { renderAnswerSaved, renderGraded, renderReveal } from './render-practice.js';
import { renderQuestionCard, renderQuestionList } from './render-question.js';
import { shorten } from './text-split.js';

/** Content (not embeds) is capped at 2000 characters. */
const CONTENT_LIMIT = 2000;

/**
 * A core view as one or more Discord messages (more only when a long answer
 * does not fit Discord's limits for one message). Render only: no calls.
 */
export function renderView(view: View): DiscordMessage[] {
  switch (view.kind) {
    case 'question': {
      const { embeds, components } = renderQuestionCard(view);
      return layoutMessages(embeds, components);
    }
    case 'question-list':
      return layoutMessages([renderQuestionList(view)]);
    case 'reveal': {
      const { embeds, components } = renderReveal(view);
      return layoutMessages(embeds, components);
    }
    case 'answer-saved': {
      const { embeds, components } = renderAnswerSaved(view);
      return layoutMessages(embeds, components);
    }
    case 'graded':
      return layoutMessages([renderGraded(view)]);
    case 'board':
      return layoutMessages([renderBoard(view)]);
    case 'stats':
      return layoutMessages([renderStats(view)]);
    case 'topics':
      return layoutMessages(renderTopics(view));
    case 'packs':
      return layoutMessages([renderPacks(view)]);
    case 'schedule':
      return layoutMessages([renderSchedule(view)]);
    case 'confirm': {
      const { embeds, components } = renderConfirm(view);
      return layoutMessages(embeds, components);
    }
    case 'help':
      return layoutMessages([renderHelp(view)]);
    case 'notice':
      return [{ content: shorten(renderNotice(view), CONTENT_LIMIT), embeds: [], components: [] }];
  }
}
