/**
 * Fenced code blocks of a question file and what their info strings mean
 * (docs/question-format.md, "Code examples run"). content:check and the
 * example runner both read fences through this file, so they agree on which
 * blocks run, how, and which info strings are wrong.
 */

/** A fenced block as written: where it opens, its info string and its code. */
export interface Fence {
  /** 1-based line of the opening fence, in the text given to findFences (offset by firstLine). */
  line: number;
  /** The info string after the opening backticks, trimmed. */
  info: string;
  /** The code between the fences, with the opening fence's indent taken off. */
  code: string;
  /** Line of the closing fence (the last line of the text when it is never closed). */
  end: number;
  /** False when the file ends before the closing fence. */
  closed: boolean;
}

/** Fences run as: python3 script, pytest file, Node ESM, Node CommonJS, Node through tsx, PGlite. */
export type ExampleKind = 'python' | 'pytest' | 'esm' | 'cjs' | 'ts' | 'sql';

export interface ExampleSpec {
  kind: ExampleKind;
  /** The exception name (python, js, ts) or SQLSTATE (sql) that must end the block, or null. */
  raises: string | null;
}

/** Languages the test suite runs, and the kind each one runs as by default. */
export const RUN_LANGUAGES: Readonly<Record<string, ExampleKind>> = {
  python: 'python',
  js: 'esm',
  javascript: 'esm',
  ts: 'ts',
  typescript: 'ts',
  sql: 'sql',
};

/** Languages that are shown, never run. Anything else is a typo until it is added here. */
export const SHOWN_LANGUAGES: readonly string[] = [
  'text',
  'plaintext',
  'console',
  'bash',
  'sh',
  'shell',
  'json',
  'jsonc',
  'yaml',
  'toml',
  'ini',
  'csv',
  'diff',
  'http',
  'dockerfile',
  'nginx',
  'makefile',
  'xml',
  'html',
  'css',
  'markdown',
  'mermaid',
  'graphql',
  'protobuf',
  'pycon',
  'cython',
  'jsx',
  'tsx',
  'c',
  'cpp',
  'csharp',
  'go',
  'java',
  'kotlin',
  'rust',
  'ruby',
  'php',
  'swift',
  'scala',
];

const OPEN = /^(\s*)(`{3,}|~{3,})(.*)$/;

/**
 * Every fenced block in `lines` (the first of which is line `firstLine` of the file).
 * A backtick fence closes on a line of at least as many backticks (tildes likewise) and nothing else.
 */
export function findFences(lines: readonly string[], firstLine = 1): Fence[] {
  const fences: Fence[] = [];
  let i = 0;
  while (i < lines.length) {
    const open = OPEN.exec(lines[i]!);
    if (!open || (open[2]!.startsWith('`') && open[3]!.includes('`'))) {
      i++;
      continue;
    }
    const indent = open[1]!.length;
    const marker = open[2]!;
    const close = new RegExp(`^\\s*${marker[0] === '`' ? '`' : '~'}{${marker.length},}\\s*$`);
    const code: string[] = [];
    let j = i + 1;
    while (j < lines.length && !close.test(lines[j]!)) {
      const line = lines[j]!;
      // Take off up to the opening fence's indent (a fence inside a list item).
      const leading = /^ */.exec(line)![0].length;
      code.push(line.slice(Math.min(leading, indent)));
      j++;
    }
    fences.push({
      line: firstLine + i,
      info: open[3]!.trim(),
      code: code.join('\n'),
      end: firstLine + Math.min(j, lines.length - 1),
      closed: j < lines.length,
    });
    i = j + 1;
  }
  return fences;
}

const ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  python: ['runner', 'raises'],
  esm: ['module', 'raises'],
  ts: ['raises'],
  sql: ['raises'],
};

const EXCEPTION_NAME = /^[A-Za-z_][A-Za-z0-9_]*(\.[A-Za-z_][A-Za-z0-9_]*)*$/;
const SQLSTATE = /^[0-9A-Z]{5}$/;

/**
 * What a fence's info string asks for: a spec for a block that runs, null for a shown-only one,
 * and one short problem per thing that is not in the documented table (no line: the caller adds it).
 */
export function fenceSpec(info: string): { spec: ExampleSpec | null; problems: string[] } {
  const [lang = '', ...attrs] = info.split(/\s+/).filter((w) => w.length > 0);
  const problems: string[] = [];
  if (!lang) {
    return { spec: null, problems: ['code block has no language (use ```text for plain output)'] };
  }
  const kind = RUN_LANGUAGES[lang];
  if (!kind) {
    if (!SHOWN_LANGUAGES.includes(lang)) {
      problems.push(
        `unknown code language "${lang}": python, js, ts and sql run; text, bash, json, yaml ` +
          'and other common languages are shown',
      );
    } else if (attrs.length > 0) {
      problems.push(
        `\`\`\`${lang} blocks are shown, not run: they take no attributes (found "${attrs.join(' ')}")`,
      );
    }
    return { spec: null, problems };
  }
  const spec: ExampleSpec = { kind, raises: null };
  const seen = new Set<string>();
  const allowed = ATTRIBUTES[kind]!;
  for (const attr of attrs) {
    const m = /^([a-z]+)=(.+)$/.exec(attr);
    const key = m?.[1];
    const value = m?.[2] ?? '';
    if (!key || !allowed.includes(key)) {
      problems.push(
        `unknown attribute "${attr}" on \`\`\`${lang}: it takes ${allowed.map((a) => `${a}=`).join(', ')}`,
      );
      continue;
    }
    if (seen.has(key)) {
      problems.push(`attribute ${key}= appears twice on \`\`\`${lang}`);
      continue;
    }
    seen.add(key);
    if (key === 'runner') {
      if (value === 'pytest') spec.kind = 'pytest';
      else problems.push(`runner=${value} is unknown: the only runner is runner=pytest`);
    } else if (key === 'module') {
      if (value === 'commonjs') spec.kind = 'cjs';
      else problems.push(`module=${value} is unknown: use module=commonjs, or no module= for an ES module`);
    } else if (kind === 'sql') {
      if (SQLSTATE.test(value)) spec.raises = value;
      else problems.push(`raises=${value} is not a SQLSTATE code (five characters such as 23505)`);
    } else if (EXCEPTION_NAME.test(value)) spec.raises = value;
    else problems.push(`raises=${value} is not an exception name such as TypeError`);
  }
  if (spec.kind === 'pytest' && spec.raises) {
    problems.push('runner=pytest and raises= do not go together: assert the error inside the test');
  }
  return { spec, problems };
}
