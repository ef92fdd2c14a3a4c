import { type Block, type Inline, type MarkdownDoc, plainText } from '../../core/markdown-tree.js';
import { betweenMarkers } from '../text/emphasis-marker.js';
import { alignedTable, PHONE_COLUMNS } from '../text/table-layout.js';
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

function table(block: Extract<Block, { type: 'table' }>): string {
  const cells = (row: Inline[][]) => row.map(plainText);
  const lines = alignedTable(cells(block.header), block.rows.map(cells), block.align, PHONE_COLUMNS);
  return ['```', ...lines.map(fenceSafe), '```'].join('\n');
}

/** Code blocks and tables keep their own lines: an indent would shift the code and its fence. */
const keepsLayout = (node: Block) => node.type === 'code' || node.type === 'table';

/** A list item's blocks; its text lines after the first are indented under the bullet. */
function listItem(marker: string, item: readonly Block[]): string {
  const indent = ' '.repeat(Math.min(marker.length + 2, 6));
  const parts = item.map((node) =>
    keepsLayout(node) ? block(node) : block(node).replace(/\n/g, `\n${indent}`),
  );
  const [first, ...rest] = parts;
  const head = item[0] && !keepsLayout(item[0]) ? `${marker}${first}` : [marker.trimEnd(), first].join('\n');
  return [head, ...rest.map((part, i) => (keepsLayout(item[i + 1]!) ? part : indent + part))].join('\n');
}

function block(node: Block): string {
  switch (node.type) {
    case 'paragraph':
      return slackInline(node.children);
    case 'heading':
      return betweenMarkers('*', slackInline(node.children));
    case 'list':
      return node.items
        .map((item, i) => listItem(node.ordered ? `${node.start + i}. ` : '• ', item))
        .join('\n');
    case 'code':
      return `\`\`\`\n${fenceSafe(node.value)}\n\`\`\``;
    case 'table':
      return table(node);
    case 'blockquote':
      return slackMrkdwn(node.children)
        .split('\n')
        .map((line) => `>${line}`)
        .join('\n');
    case 'thematicBreak':
      return '───';
  }
}

/** A section of question Markdown, blocks a blank line apart. */
export function slackMrkdwn(doc: MarkdownDoc): string {
  return doc.map(block).join('\n\n');
}
