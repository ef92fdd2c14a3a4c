/**
 * Question Markdown into the plain tree of src/core/markdown-tree.ts, once, at load. The parser is
 * marked's lexer (CommonMark and GFM: tables, strikethrough, autolinks); its tokens are turned into
 * our own small tree so the adapters depend on no parser and tests can write trees by hand.
 */
import { Lexer, type MarkedOptions, type MarkedToken, type Token, type Tokens } from 'marked';
import type { Block, Inline, MarkdownDoc, TableRow } from '../core/markdown-tree.js';
import type { ParsedSections, Question } from '../core/types.js';

/** Passed on every call: marked's global defaults are shared state another module could change. */
const OPTIONS: MarkedOptions = { gfm: true, breaks: false, pedantic: false };

/** marked decodes numeric references itself; these named ones it leaves as written. */
const NAMED_REFERENCES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: '\u00a0',
};

const decodeReferences = (text: string) =>
  text.replace(/&([a-z]+);/g, (whole, name: string) => NAMED_REFERENCES[name] ?? whole);

/** A soft line break reads as a space: the source's wrapping never reaches a reader. */
const reflow = (text: string) => text.replace(/[ \t]*\n[ \t]*/g, ' ');

/** Adjacent text nodes joined, so a renderer sees whole runs of words. */
function mergeText(nodes: Inline[]): Inline[] {
  const out: Inline[] = [];
  for (const node of nodes) {
    const last = out[out.length - 1];
    if (node.type === 'text' && last?.type === 'text') last.value += node.value;
    else if (node.type !== 'text' || node.value !== '') out.push(node);
  }
  return out;
}

function inlines(tokens: readonly Token[] | undefined): Inline[] {
  return mergeText((tokens ?? []).flatMap(inline));
}

function inline(any: Token): Inline[] {
  // marked's Token also admits extension tokens of any type; ours are only the built-in ones.
  const token = any as MarkedToken;
  switch (token.type) {
    case 'text':
      // A text token may carry its own inline tokens (inside tight list items).
      return token.tokens?.length
        ? inlines(token.tokens)
        : [{ type: 'text', value: reflow(decodeReferences(token.text)) }];
    case 'escape':
      return [{ type: 'text', value: token.text }];
    case 'strong':
      return [{ type: 'strong', children: inlines(token.tokens) }];
    case 'em':
      return [{ type: 'emphasis', children: inlines(token.tokens) }];
    case 'del':
      return [{ type: 'delete', children: inlines(token.tokens) }];
    case 'codespan':
      return [{ type: 'inlineCode', value: reflow(token.text) }];
    case 'br':
      return [{ type: 'break' }];
    case 'link':
      return [{ type: 'link', url: token.href, children: inlines(token.tokens) }];
    case 'image':
      // Chat messages show no inline images: the alt text, linked to the picture.
      return [{ type: 'link', url: token.href, children: [{ type: 'text', value: token.text }] }];
    case 'checkbox':
      return [{ type: 'text', value: token.checked ? '☑ ' : '☐ ' }];
    default:
      // Raw HTML (the content check refuses it) and anything an extension adds: shown as written.
      return [{ type: 'text', value: reflow(token.raw) }];
  }
}

const cells = (row: readonly Tokens.TableCell[]): TableRow => row.map((cell) => inlines(cell.tokens));

function blocks(tokens: readonly Token[]): Block[] {
  const out: Block[] = [];
  for (const any of tokens) {
    const token = any as MarkedToken;
    switch (token.type) {
      case 'space':
      case 'def':
        break;
      case 'paragraph':
        out.push({ type: 'paragraph', children: inlines(token.tokens) });
        break;
      case 'text':
        out.push({ type: 'paragraph', children: inline(token) });
        break;
      case 'heading':
        out.push({ type: 'heading', depth: token.depth, children: inlines(token.tokens) });
        break;
      case 'code': {
        const lang = (token.lang ?? '').trim().split(/\s+/)[0] ?? '';
        out.push({ type: 'code', lang: lang || null, value: token.text });
        break;
      }
      case 'table':
        out.push({
          type: 'table',
          align: token.align,
          header: cells(token.header),
          rows: token.rows.map(cells),
        });
        break;
      case 'list':
        out.push({
          type: 'list',
          ordered: token.ordered,
          start: typeof token.start === 'number' ? token.start : 1,
          items: token.items.map(listItem),
        });
        break;
      case 'blockquote':
        out.push({ type: 'blockquote', children: blocks(token.tokens) });
        break;
      case 'hr':
        out.push({ type: 'thematicBreak' });
        break;
      default:
        out.push({ type: 'paragraph', children: inline(token) });
    }
  }
  return out.filter((b) => b.type !== 'paragraph' || b.children.length > 0);
}

/** A task item's checkbox joins the item's first paragraph. */
function listItem(item: Tokens.ListItem): Block[] {
  const [first, ...rest] = item.tokens;
  if (first?.type !== 'checkbox') return blocks(item.tokens);
  const body = blocks(rest);
  const box = inline(first);
  const lead = body[0];
  if (lead?.type === 'paragraph') lead.children = mergeText([...box, ...lead.children]);
  else body.unshift({ type: 'paragraph', children: box });
  return body;
}

/** A section of Markdown (an answer, an example) as blocks. */
export function parseMarkdown(text: string): MarkdownDoc {
  return blocks(Lexer.lex(text, OPTIONS));
}

/** One bullet's text as inline Markdown: a bullet holds no blocks, so "1. " or "# " stay words. */
export function parseInline(text: string): Inline[] {
  return inlines(Lexer.lexInline(text.trim(), OPTIONS));
}

/** Every Markdown field a reveal shows, parsed. */
export function parseSections(q: Omit<Question, 'parsed'>): ParsedSections {
  return {
    shortAnswer: parseMarkdown(q.shortAnswer),
    answer: parseMarkdown(q.answer),
    keyPoints: q.keyPoints.map(parseInline),
    listenFor: {
      nailed: parseInline(q.listenFor.nailed),
      partly: parseInline(q.listenFor.partly),
      missed: parseInline(q.listenFor.missed),
    },
    mistakes: q.mistakes.map(parseInline),
    example: q.example ? parseMarkdown(q.example) : null,
    followUps: q.followUps.map((f) => ({
      question: parseInline(f.question),
      answer: f.answer === null ? null : parseInline(f.answer),
    })),
  };
}

/** A question read from its file, with its Markdown parsed. */
export const withParsedSections = (q: Omit<Question, 'parsed'>): Question => ({
  ...q,
  parsed: parseSections(q),
});
