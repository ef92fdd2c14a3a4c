import type { Block, Inline, MarkdownDoc } from '../../core/markdown-tree.js';
import { plainText } from '../../core/markdown-tree.js';
import { alignedTable, fitColumns } from '../text/table-layout.js';
import { columns } from '../text/wrap-words.js';
import type { ConsoleDisplay } from './display.js';

/**
 * Parsed question Markdown for the terminal. On a tty: bold, italics and code styled with escape
 * codes, prose wrapped to the terminal's width, code blocks in a gutter, tables drawn with box
 * characters. Piped: plain text with no escape codes, a paragraph to a line, code indented, tables
 * as aligned columns, inline code between backticks.
 */

export type Style = 'bold' | 'dim' | 'italic' | 'underline' | 'strike' | 'code';

const SGR: Record<Style, string> = {
  bold: '1',
  dim: '2',
  italic: '3',
  underline: '4',
  strike: '9',
  code: '36',
};

/** Text in the given styles on a tty, as it is when piped. */
export function styled(text: string, styles: readonly Style[], display: ConsoleDisplay): string {
  if (!display.tty || styles.length === 0 || text === '') return text;
  return `\x1b[${styles.map((s) => SGR[s]).join(';')}m${text}\x1b[0m`;
}

/** A run of text in one set of styles. */
interface Piece {
  text: string;
  styles: readonly Style[];
}

/** A word is the pieces between two spaces (`x`, is code then a comma); a hard break ends a line. */
type Word = Piece[];
type Token = Word | 'break';

function pieces(nodes: readonly Inline[], display: ConsoleDisplay, styles: readonly Style[] = []): Piece[] {
  return nodes.flatMap((node) => nodePieces(node, display, styles));
}

function nodePieces(node: Inline, display: ConsoleDisplay, styles: readonly Style[]): Piece[] {
  switch (node.type) {
    case 'text':
      return [{ text: node.value, styles }];
    case 'strong':
      return pieces(node.children, display, [...styles, 'bold']);
    case 'emphasis':
      return pieces(node.children, display, [...styles, 'italic']);
    case 'delete':
      return pieces(node.children, display, [...styles, 'strike']);
    case 'inlineCode':
      return [{ text: display.tty ? node.value : `\`${node.value}\``, styles: [...styles, 'code'] }];
    case 'link': {
      const label = pieces(node.children, display, [...styles, 'underline']);
      if (plainText(node.children) === node.url) return label;
      return [...label, { text: ` (${node.url})`, styles: [...styles, 'dim'] }];
    }
    case 'break':
      return [{ text: '\n', styles }];
  }
}

/** Pieces cut into words at spaces, keeping each piece's styles; a newline is a hard break. */
function tokens(runs: readonly Piece[]): Token[] {
  const out: Token[] = [];
  let word: Word = [];
  const end = () => {
    if (word.length > 0) out.push(word);
    word = [];
  };
  for (const run of runs) {
    if (run.text === '\n') {
      end();
      out.push('break');
      continue;
    }
    run.text.split(/( +)/).forEach((part, i) => {
      if (i % 2 === 1) end();
      else if (part) word.push({ text: part, styles: run.styles });
    });
  }
  end();
  return out;
}

const wordWidth = (word: Word) => word.reduce((sum, p) => sum + columns(p.text), 0);

/** A word wider than width in width-sized parts, each piece keeping its styles. */
function cutWord(word: Word, width: number): Word[] {
  const parts: Word[] = [[]];
  let used = 0;
  for (const piece of word) {
    for (const char of piece.text) {
      if (used === width) {
        parts.push([]);
        used = 0;
      }
      const part = parts[parts.length - 1]!;
      const last = part[part.length - 1];
      if (last && last.styles === piece.styles) last.text += char;
      else part.push({ text: char, styles: piece.styles });
      used++;
    }
  }
  return parts;
}

/**
 * Words into lines of at most width columns. A word wider than a line gets a line of its own in
 * prose (the terminal wraps it), and is cut where a table cell must keep its width.
 */
function wrap(all: readonly Token[], width: number, cut = false): Word[][] {
  const lines: Word[][] = [];
  let line: Word[] = [];
  let used = 0;
  const words = all.flatMap((token) =>
    cut && token !== 'break' && wordWidth(token) > width ? cutWord(token, width) : [token],
  );
  for (const token of words) {
    if (token === 'break') {
      lines.push(line);
      line = [];
      used = 0;
      continue;
    }
    const w = wordWidth(token);
    if (line.length > 0 && used + 1 + w > width) {
      lines.push(line);
      line = [];
      used = 0;
    }
    used += (line.length > 0 ? 1 : 0) + w;
    line.push(token);
  }
  lines.push(line);
  return lines;
}

const sameStyles = (a: readonly Style[], b: readonly Style[]) =>
  a.length === b.length && a.every((s, i) => s === b[i]);

/** A line's words joined by spaces; runs in the same styles share one escape sequence. */
function lineText(words: readonly Word[], display: ConsoleDisplay): string {
  const runs: Piece[] = [];
  const add = (piece: Piece) => {
    const last = runs[runs.length - 1];
    if (last && sameStyles(last.styles, piece.styles)) last.text += piece.text;
    else runs.push({ ...piece });
  };
  words.forEach((word, i) => {
    if (i > 0) {
      // The space between two words in one style (a bold phrase) takes that style.
      const before = words[i - 1]!.at(-1)!.styles;
      add({ text: ' ', styles: sameStyles(before, word[0]!.styles) ? before : [] });
    }
    for (const piece of word) add(piece);
  });
  return runs.map((r) => styled(r.text, r.styles, display)).join('');
}

/** How wide prose may run: the terminal's width, or no limit when piped. */
const proseWidth = (display: ConsoleDisplay, width: number) =>
  display.tty ? Math.max(10, width) : Number.POSITIVE_INFINITY;

/** A line of inline Markdown as wrapped lines, each without its indent. */
function inlineLines(
  nodes: readonly Inline[],
  display: ConsoleDisplay,
  width: number,
  styles: readonly Style[] = [],
): string[] {
  return wrap(tokens(pieces(nodes, display, styles)), proseWidth(display, width)).map((words) =>
    lineText(words, display),
  );
}

/** Lines under a marker: the marker on the first, spaces as wide as it on the rest. */
function hang(marker: string, lines: readonly string[]): string[] {
  const indent = ' '.repeat(columns(marker));
  return lines.map((line, i) => (i === 0 ? marker : indent) + line).map((l) => l.trimEnd());
}

function codeLines(node: Extract<Block, { type: 'code' }>, display: ConsoleDisplay): string[] {
  const code = node.value.split('\n');
  if (!display.tty) return code.map((line) => (line ? `    ${line}` : ''));
  const gutter = styled('│ ', ['dim'], display);
  return [
    styled(`┌─${node.lang ? ` ${node.lang}` : ''}`, ['dim'], display),
    ...code.map((line) => gutter + line),
    styled('└─', ['dim'], display),
  ];
}

/** A table drawn with box characters, its cells wrapped (styles kept) to fit the width. */
function boxTable(node: Extract<Block, { type: 'table' }>, display: ConsoleDisplay, width: number): string[] {
  const rows = [node.header, ...node.rows];
  const count = Math.max(...rows.map((r) => r.length));
  const widths = fitColumns(
    rows.map((r) => r.map(plainText)),
    width - (3 * count + 1),
  );
  const border = (left: string, mid: string, right: string) =>
    styled(left + widths.map((w) => '─'.repeat(w + 2)).join(mid) + right, ['dim'], display);
  const bar = styled('│', ['dim'], display);
  const rowLines = (cells: Inline[][], header: boolean) => {
    const wrapped = widths.map((w, c) =>
      wrap(tokens(pieces(cells[c] ?? [], display, header ? ['bold'] : [])), w, true).map((words) => ({
        text: lineText(words, display),
        width: words.reduce((sum, word, i) => sum + (i > 0 ? 1 : 0) + wordWidth(word), 0),
      })),
    );
    const height = Math.max(...wrapped.map((lines) => lines.length));
    return Array.from({ length: height }, (_, i) => {
      const cellsText = widths.map((w, c) => {
        const cell = wrapped[c]![i] ?? { text: '', width: 0 };
        const room = Math.max(0, w - cell.width);
        const align = node.align[c];
        const left = align === 'right' ? room : align === 'center' ? Math.floor(room / 2) : 0;
        return ` ${' '.repeat(left)}${cell.text}${' '.repeat(room - left)} `;
      });
      return `${bar}${cellsText.join(bar)}${bar}`;
    });
  };
  const lines = [border('┌', '┬', '┐'), ...rowLines(node.header, true), border('├', '┼', '┤')];
  node.rows.forEach((row, i) => {
    if (i > 0) lines.push(border('├', '┼', '┤'));
    lines.push(...rowLines(row, false));
  });
  lines.push(border('└', '┴', '┘'));
  return lines;
}

function blockLines(node: Block, display: ConsoleDisplay, width: number, depth: number): string[] {
  switch (node.type) {
    case 'paragraph':
      return inlineLines(node.children, display, width);
    case 'heading':
      return inlineLines(node.children, display, width, ['bold']);
    case 'list':
      return node.items.flatMap((item, i) => {
        const marker = node.ordered ? `${node.start + i}. ` : depth === 0 ? '• ' : '◦ ';
        const inner = item.flatMap((b) => blockLines(b, display, width - columns(marker), depth + 1));
        return hang(marker, inner);
      });
    case 'code':
      return codeLines(node, display);
    case 'table': {
      if (display.tty) return boxTable(node, display, width);
      // Piped cells read like piped prose: code between backticks.
      const cells = (row: Inline[][]) =>
        row.map((cell) =>
          pieces(cell, display)
            .map((p) => p.text)
            .join(''),
        );
      return alignedTable(cells(node.header), node.rows.map(cells), node.align, width);
    }
    case 'blockquote': {
      const bar = display.tty ? styled('│ ', ['dim'], display) : '> ';
      return node.children.flatMap((b) => blockLines(b, display, width - 2, depth)).map((line) => bar + line);
    }
    case 'thematicBreak':
      return [styled('─'.repeat(Math.min(width, 40)), ['dim'], display)];
  }
}

/** A section of question Markdown, blocks a blank line apart, each line after the indent. */
export function consoleMarkdown(doc: MarkdownDoc, display: ConsoleDisplay, indent = ''): string {
  const width = display.width - columns(indent);
  return doc
    .map((block) =>
      blockLines(block, display, width, 0)
        .map((line) => (line ? indent + line : ''))
        .join('\n'),
    )
    .join('\n\n');
}

/** A bullet of inline Markdown under its marker (`  • `), wrapped with a hanging indent. */
export function consoleBullet(marker: string, nodes: readonly Inline[], display: ConsoleDisplay): string {
  return hang(marker, inlineLines(nodes, display, display.width - columns(marker))).join('\n');
}
