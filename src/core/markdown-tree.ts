/**
 * Question text as a parsed tree: plain data that every adapter renders its own way. Made once at
 * load by src/content/markdown.ts; the node names follow mdast's where they match. Soft line
 * breaks are already spaces here (source files wrap prose at about 90 columns), so a renderer
 * never sees the source's line breaks inside a paragraph.
 */

/** Formatting inside a line: words, bold, italics, code, links, hard breaks. */
export type Inline =
  | { type: 'text'; value: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'emphasis'; children: Inline[] }
  | { type: 'delete'; children: Inline[] }
  | { type: 'inlineCode'; value: string }
  | { type: 'link'; url: string; children: Inline[] }
  | { type: 'break' };

export type TableAlign = 'left' | 'center' | 'right' | null;

/** One table row: its cells, each a line of inline Markdown. */
export type TableRow = Inline[][];

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; depth: number; children: Inline[] }
  /** Each item is its own blocks: a tight item is one paragraph, a loose one may hold more, or a nested list. */
  | { type: 'list'; ordered: boolean; start: number; items: Block[][] }
  | { type: 'code'; lang: string | null; value: string }
  | { type: 'table'; align: TableAlign[]; header: TableRow; rows: TableRow[] }
  | { type: 'blockquote'; children: Block[] }
  | { type: 'thematicBreak' };

/** A Markdown section (an answer, an example): its blocks in order. */
export type MarkdownDoc = Block[];

/** The words a reader sees in a line of inline Markdown, formatting dropped; a hard break is a space. */
export function plainText(inlines: readonly Inline[]): string {
  return inlines
    .map((node) => {
      switch (node.type) {
        case 'text':
        case 'inlineCode':
          return node.value;
        case 'break':
          return ' ';
        default:
          return plainText(node.children);
      }
    })
    .join('');
}
