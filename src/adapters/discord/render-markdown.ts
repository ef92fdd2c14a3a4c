import { type Inline, type MarkdownDoc, plainText } from '../../core/markdown-tree.js';
import { betweenMarkers } from '../text/emphasis-marker.js';
import { type MarkupDialect, markupBlocks } from '../text/markup-blocks.js';

/**
 * Parsed question Markdown as Discord's Markdown: paragraphs on one line each (Discord wraps them
 * to the screen), bold, italics, code and lists kept, code fenced with its language, and tables
 * as an aligned code block that fits a phone.
 */

/** Characters Discord reads as formatting anywhere in a line; a backslash shows them as written. */
const escapeText = (text: string) => text.replace(/[\\*_~`|<]/g, '\\$&');

/** Characters that start a heading, quote or list at the start of a line. */
const escapeLineStart = (line: string) => line.replace(/^([#>+-])/, '\\$1').replace(/^(\d+)([.)])/, '$1\\$2');

/** A code span that may itself hold backticks: a longer fence, padded. */
function codeSpan(value: string): string {
  const longest = Math.max(0, ...(value.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  return longest > 0 ? `${fence} ${value} ${fence}` : `${fence}${value}${fence}`;
}

function inlineNode(node: Inline): string {
  switch (node.type) {
    case 'text':
      return escapeText(node.value);
    case 'strong':
      return betweenMarkers('**', discordInline(node.children));
    case 'emphasis':
      // Underscores, so italics inside bold never make a `***` run.
      return betweenMarkers('_', discordInline(node.children));
    case 'delete':
      return betweenMarkers('~~', discordInline(node.children));
    case 'inlineCode':
      return codeSpan(node.value);
    case 'link': {
      const label = plainText(node.children);
      return label === node.url ? node.url : `[${escapeText(label).replace(/[[\]]/g, '\\$&')}](${node.url})`;
    }
    case 'break':
      return '\n';
  }
}

export function discordInline(nodes: readonly Inline[]): string {
  return nodes.map(inlineNode).join('');
}

/** Three backticks inside code would close the fence early: a zero-width space breaks the run. */
const fenceSafe = (code: string) => code.replace(/```/g, '``\u200b`');

const DISCORD: MarkupDialect = {
  inline: discordInline,
  // A paragraph or list item starts a line of its own, where # > - and 1. would start markup.
  line: (nodes) => escapeLineStart(discordInline(nodes)),
  bold: '**',
  openFence: (lang) => `\`\`\`${lang ?? ''}`,
  inFence: fenceSafe,
  quote: '> ',
  indent: (markerLength) => Math.min(markerLength, 4),
};

/** A section of question Markdown, blocks a blank line apart. */
export function discordMarkdown(doc: MarkdownDoc): string {
  return markupBlocks(doc, DISCORD);
}
