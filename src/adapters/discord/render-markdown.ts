import { type Block, type Inline, type MarkdownDoc, plainText } from '../../core/markdown-tree.js';
import { betweenMarkers } from '../text/emphasis-marker.js';
import { alignedTable, PHONE_COLUMNS } from '../text/table-layout.js';

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

/** A line of inline Markdown that starts a line of its own (a paragraph, a list item). */
const inlineLine = (nodes: readonly Inline[]) => escapeLineStart(discordInline(nodes));

/** Three backticks inside code would close the fence early: a zero-width space breaks the run. */
const fenceSafe = (code: string) => code.replace(/```/g, '``\u200b`');

function table(block: Extract<Block, { type: 'table' }>): string {
  const cells = (row: Inline[][]) => row.map(plainText);
  const lines = alignedTable(cells(block.header), block.rows.map(cells), block.align, PHONE_COLUMNS);
  return ['```', ...lines.map(fenceSafe), '```'].join('\n');
}

/** Code blocks and tables keep their own lines: an indent would shift the code and its fence. */
const keepsLayout = (node: Block) => node.type === 'code' || node.type === 'table';

/** A list item's blocks; its text lines after the first are indented under the bullet. */
function listItem(marker: string, item: readonly Block[]): string {
  const indent = ' '.repeat(Math.min(marker.length, 4));
  const parts = item.map((node, i) => {
    if (keepsLayout(node)) return block(node);
    const text = i === 0 && node.type === 'paragraph' ? inlineLine(node.children) : block(node);
    return text.replace(/\n/g, `\n${indent}`);
  });
  const [first, ...rest] = parts;
  const head = item[0] && !keepsLayout(item[0]) ? `${marker}${first}` : [marker.trimEnd(), first].join('\n');
  return [head, ...rest.map((part, i) => (keepsLayout(item[i + 1]!) ? part : indent + part))].join('\n');
}

function block(node: Block): string {
  switch (node.type) {
    case 'paragraph':
      return inlineLine(node.children);
    case 'heading':
      return betweenMarkers('**', discordInline(node.children));
    case 'list':
      return node.items
        .map((item, i) => listItem(node.ordered ? `${node.start + i}. ` : '• ', item))
        .join('\n');
    case 'code':
      return `\`\`\`${node.lang ?? ''}\n${fenceSafe(node.value)}\n\`\`\``;
    case 'table':
      return table(node);
    case 'blockquote':
      return discordMarkdown(node.children)
        .split('\n')
        .map((line) => `> ${line}`)
        .join('\n');
    case 'thematicBreak':
      return '───';
  }
}

/** A section of question Markdown, blocks a blank line apart. */
export function discordMarkdown(doc: MarkdownDoc): string {
  return doc.map(block).join('\n\n');
}
