import { type Block, type Inline, type MarkdownDoc, plainText } from '../../core/markdown-tree.js';
import { betweenMarkers } from './emphasis-marker.js';
import { alignedTable, PHONE_COLUMNS } from './table-layout.js';

/**
 * What differs between chat Markdown dialects (Discord's Markdown, Slack's
 * mrkdwn) at the block level; the layout of lists, quotes, code and tables is
 * the same for both.
 */
export interface MarkupDialect {
  /** Inline nodes as this dialect's text. */
  inline(nodes: readonly Inline[]): string;
  /** Inline nodes that start a line of their own (a paragraph, a list item's first line). */
  line(nodes: readonly Inline[]): string;
  /** The marker a heading is set in bold with. */
  bold: string;
  /** A code block's opening fence (with the language where the dialect shows it). */
  openFence(lang: string | null): string;
  /** Code as it may stand inside a fence of this dialect. */
  inFence(code: string): string;
  /** What each line of a quote starts with. */
  quote: string;
  /** How far a list item's later lines are indented under a marker of this length. */
  indent(markerLength: number): number;
}

/** Code blocks and tables keep their own lines: an indent would shift the code and its fence. */
const keepsLayout = (node: Block) => node.type === 'code' || node.type === 'table';

function table(node: Extract<Block, { type: 'table' }>, dialect: MarkupDialect): string {
  const cells = (row: Inline[][]) => row.map(plainText);
  const lines = alignedTable(cells(node.header), node.rows.map(cells), node.align, PHONE_COLUMNS);
  return [dialect.openFence(null), ...lines.map(dialect.inFence), '```'].join('\n');
}

/** A list item's blocks; its text lines after the first are indented under the bullet. */
function listItem(marker: string, item: readonly Block[], dialect: MarkupDialect): string {
  const indent = ' '.repeat(dialect.indent(marker.length));
  const parts = item.map((node) =>
    keepsLayout(node) ? block(node, dialect) : block(node, dialect).replace(/\n/g, `\n${indent}`),
  );
  const [first, ...rest] = parts;
  const head = item[0] && !keepsLayout(item[0]) ? `${marker}${first}` : [marker.trimEnd(), first].join('\n');
  return [head, ...rest.map((part, i) => (keepsLayout(item[i + 1]!) ? part : indent + part))].join('\n');
}

function block(node: Block, dialect: MarkupDialect): string {
  switch (node.type) {
    case 'paragraph':
      return dialect.line(node.children);
    case 'heading':
      return betweenMarkers(dialect.bold, dialect.inline(node.children));
    case 'list':
      return node.items
        .map((item, i) => listItem(node.ordered ? `${node.start + i}. ` : '• ', item, dialect))
        .join('\n');
    case 'code':
      return `${dialect.openFence(node.lang ?? null)}\n${dialect.inFence(node.value)}\n\`\`\``;
    case 'table':
      return table(node, dialect);
    case 'blockquote':
      return markupBlocks(node.children, dialect)
        .split('\n')
        .map((line) => `${dialect.quote}${line}`)
        .join('\n');
    case 'thematicBreak':
      return '───';
  }
}

/** A section of question Markdown in a chat dialect, blocks a blank line apart. */
export function markupBlocks(doc: MarkdownDoc, dialect: MarkupDialect): string {
  return doc.map((node) => block(node, dialect)).join('\n\n');
}
