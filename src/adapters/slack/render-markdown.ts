import { type Inline, type MarkdownDoc, plainText } from '../../core/markdown-tree.js';
import { betweenMarkers } from '../text/emphasis-marker.js';
import { type MarkupDialect, markupBlocks } from '../text/markup-blocks.js';
import { escapeMrkdwn } from './render-mrkdwn.js';

/**
 * Parsed question Markdown as Slack mrkdwn: paragraphs on one line each, *bold*, _italics_,
 * `code`, bullets, code blocks (Slack shows a language tag as code, so fences go bare) and tables
 * as an aligned code block that fits a phone. Every character of text is escaped (& < >), so
 * nothing in a question becomes a mention or a link Slack made up.
 */

/** A Slack code span ends at the next backtick whatever its length: a look-alike stands in. */
const codeSpan = (value: string) => `\`${escapeMrkdwn(value.replace(/`/g, 'ˋ'))}\``;

/** Three backticks inside code would close the block early: a zero-width space breaks the run. */
const fenceSafe = (code: string) => escapeMrkdwn(code.replace(/```/g, '``\u200b`'));

function inlineNode(node: Inline): string {
  switch (node.type) {
    case 'text':
      return escapeMrkdwn(node.value);
    case 'strong':
      return betweenMarkers('*', slackInline(node.children));
    case 'emphasis':
      return betweenMarkers('_', slackInline(node.children));
    case 'delete':
      return betweenMarkers('~', slackInline(node.children));
    case 'inlineCode':
      return codeSpan(node.value);
    case 'link': {
      // In <url|label> the url ends at | or >; both are percent-encoded so it stays one link.
      const url = node.url.replace(/[|>]/g, (c) => encodeURIComponent(c)).replace(/&/g, '&amp;');
      const label = escapeMrkdwn(plainText(node.children));
      return label === node.url ? `<${url}>` : `<${url}|${label}>`;
    }
    case 'break':
      return '\n';
  }
}

export function slackInline(nodes: readonly Inline[]): string {
  return nodes.map(inlineNode).join('');
}

const SLACK: MarkupDialect = {
  inline: slackInline,
  line: slackInline,
  bold: '*',
  openFence: () => '```',
  inFence: fenceSafe,
  quote: '>',
  indent: (markerLength) => Math.min(markerLength + 2, 6),
};

/** A section of question Markdown, blocks a blank line apart. */
export function slackMrkdwn(doc: MarkdownDoc): string {
  return markupBlocks(doc, SLACK);
}
