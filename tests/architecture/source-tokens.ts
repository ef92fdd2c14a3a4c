/**
 * A small JavaScript/TypeScript tokenizer, just enough for the boundary test:
 * words, punctuation, string and template literals, with comments and regular
 * expression literals skipped. Working on tokens rather than on raw text keeps
 * an import written in a comment, or the word "from" inside a string, from
 * counting as an import.
 */

export type Token =
  | { kind: 'word' | 'punct'; text: string; line: number }
  | { kind: 'string'; text: string; line: number }
  /** `text` is the literal's static parts joined by `…`, one per `${…}` hole; `tag` is its tag function, if any. */
  | { kind: 'template'; text: string; line: number; holes: number; tag: string | undefined };

const WORD_START = /[A-Za-z_$\d]/;
const WORD_PART = /[\w$]/;
/** After these, a `/` starts a regular expression literal rather than a division. */
const REGEX_AFTER_WORDS = new Set([
  'return',
  'typeof',
  'case',
  'do',
  'else',
  'in',
  'of',
  'new',
  'delete',
  'void',
  'throw',
  'yield',
  'await',
]);

export function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  /** One entry per open template literal whose `${` expression is being read: the brace depth it started at. */
  const templates: { depth: number; parts: string[]; line: number; tag: string | undefined }[] = [];
  let depth = 0;
  let line = 1;
  let i = 0;

  const regexMayStart = (): boolean => {
    const last = tokens.at(-1);
    if (!last) return true;
    if (last.kind === 'word') return REGEX_AFTER_WORDS.has(last.text);
    if (last.kind === 'punct') return last.text !== ')' && last.text !== ']';
    return false;
  };

  /** Reads template text from `i` (just past a backtick or a closing `}`) to the next `${` or closing backtick. */
  const readTemplateText = (): { text: string; closed: boolean } => {
    let text = '';
    while (i < source.length) {
      const c = source[i]!;
      if (c === '\\') {
        text += source.slice(i, i + 2);
        i += 2;
        continue;
      }
      if (c === '`') {
        i++;
        return { text, closed: true };
      }
      if (c === '$' && source[i + 1] === '{') {
        i += 2;
        return { text, closed: false };
      }
      if (c === '\n') line++;
      text += c;
      i++;
    }
    return { text, closed: true };
  };

  const templateTag = (): string | undefined => {
    let at = tokens.length - 1;
    // sql<Row>`…`: the tag sits before the type arguments.
    if (tokens[at]?.text === '>') {
      let open = 0;
      for (; at >= 0; at--) {
        const t = tokens[at]!.text;
        if (t === '>') open++;
        else if (t === '<' && --open === 0) break;
      }
      at--;
    }
    const tag = tokens[at];
    return tag?.kind === 'word' ? tag.text : undefined;
  };

  const continueTemplate = (template: (typeof templates)[number]) => {
    const { text, closed } = readTemplateText();
    template.parts.push(text);
    if (closed) {
      tokens.push({
        kind: 'template',
        text: template.parts.join('…'),
        line: template.line,
        holes: template.parts.length - 1,
        tag: template.tag,
      });
    } else {
      templates.push(template);
      template.depth = depth;
    }
  };

  while (i < source.length) {
    const c = source[i]!;
    const next = source[i + 1];
    if (c === '\n') {
      line++;
      i++;
    } else if (/\s/.test(c)) {
      i++;
    } else if (c === '/' && next === '/') {
      while (i < source.length && source[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = source.indexOf('*/', i + 2);
      const stop = end === -1 ? source.length : end + 2;
      line += source.slice(i, stop).split('\n').length - 1;
      i = stop;
    } else if (c === '/' && regexMayStart()) {
      let inClass = false;
      for (i++; i < source.length && source[i] !== '\n'; i++) {
        const r = source[i];
        if (r === '\\') i++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
      }
      i++;
      while (i < source.length && WORD_PART.test(source[i]!)) i++;
    } else if (c === "'" || c === '"') {
      const start = line;
      let text = '';
      for (i++; i < source.length && source[i] !== c; i++) {
        if (source[i] === '\\') {
          text += source[i + 1] ?? '';
          i++;
        } else {
          if (source[i] === '\n') line++;
          text += source[i];
        }
      }
      i++;
      tokens.push({ kind: 'string', text, line: start });
    } else if (c === '`') {
      const template = { depth, parts: [] as string[], line, tag: templateTag() };
      i++;
      continueTemplate(template);
    } else if (c === '}' && templates.at(-1)?.depth === depth) {
      i++;
      continueTemplate(templates.pop()!);
    } else if (WORD_START.test(c)) {
      const start = i;
      while (i < source.length && WORD_PART.test(source[i]!)) i++;
      tokens.push({ kind: 'word', text: source.slice(start, i), line });
    } else {
      if (c === '{') depth++;
      if (c === '}') depth--;
      tokens.push({ kind: 'punct', text: c, line });
      i++;
    }
  }
  return tokens;
}
