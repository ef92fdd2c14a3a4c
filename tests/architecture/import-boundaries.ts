import { readdirSync, readFileSync } from 'node:fs';
import { join, posix, relative, sep } from 'node:path';
import { type Token, tokenize } from './source-tokens.js';

/** One side of the architecture's boundary: what the files under `folders` may not use. */
export interface BoundaryRule {
  /** Says what the rule protects, for the failure message. */
  name: string;
  /** Folders (relative to the tree's root) whose files the rule applies to. */
  folders: string[];
  /** Package names; `@scope/*` stands for every package of the scope. A package's subpaths count too. */
  forbiddenPackages: string[];
  /** Folders those files may not import from (by relative import). */
  forbiddenFolders: string[];
  /** Also follow relative imports out of `folders` and apply the rule to every file reached that way. */
  transitive: boolean;
  /** Refuse SQL text: a `sql` tagged template, or a string that reads as a SQL statement. */
  forbidSql: boolean;
}

export interface Violation {
  rule: string;
  file: string;
  line: number;
  /** What the line does: `imports 'x'`, or `writes SQL "…"`. */
  offence: string;
  /** For a file reached through relative imports: the chain from a file under the rule's folders to it. */
  via?: string[];
}

/** Files of a source tree: path relative to its root (posix separators) → text. */
export type SourceTree = ReadonlyMap<string, string>;

const SOURCE_FILE = /\.(?:ts|mts|cts|js|mjs|cjs)$/;

/** Reads every source file under `root/under` into a tree keyed by paths relative to `root`. */
export function readSourceTree(root: string, under = 'src'): SourceTree {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (SOURCE_FILE.test(entry.name))
        files.set(relative(root, path).split(sep).join('/'), readFileSync(path, 'utf8'));
    }
  };
  walk(join(root, under));
  return files;
}

interface ImportSite {
  specifier: string;
  line: number;
}

/** Words and punctuation that may stand between `import`/`export` and `from` in a declaration. */
const IMPORT_CLAUSE_PUNCT = new Set(['{', '}', ',', '*']);

function stringValue(token: Token | undefined): string | undefined {
  if (token?.kind === 'string') return token.text;
  if (token?.kind === 'template' && token.holes === 0) return token.text;
  return undefined;
}

/** Static imports and re-exports (`… from 'x'`, `import 'x'`), `import('x')` and `require('x')`. */
export function importsOf(source: string): ImportSite[] {
  const tokens = tokenize(source);
  const sites: ImportSite[] = [];
  tokens.forEach((token, i) => {
    if (token.kind !== 'word' || tokens[i - 1]?.text === '.') return;
    const next = tokens[i + 1];
    let specifier: string | undefined;
    if (token.text === 'import' && next?.kind === 'string') {
      specifier = next.text;
    } else if ((token.text === 'import' || token.text === 'require') && next?.text === '(') {
      if (tokens[i + 3]?.text === ')') specifier = stringValue(tokens[i + 2]);
    } else if (token.text === 'from' && next?.kind === 'string') {
      for (let at = i - 1; at >= 0; at--) {
        const t = tokens[at]!;
        if (t.kind === 'word' && (t.text === 'import' || t.text === 'export')) {
          specifier = next.text;
          break;
        }
        if (t.kind !== 'word' && !(t.kind === 'punct' && IMPORT_CLAUSE_PUNCT.has(t.text))) break;
      }
    }
    if (specifier !== undefined) sites.push({ specifier, line: token.line });
  });
  return sites;
}

/**
 * A statement as code writes it: starts with the keyword in lower or upper case
 * (prose such as "Select a topic from the list" starts with a capital), then
 * reads verb … from/into/set.
 */
const SQL_OPENING = /^\s*\(?\s*(?:select|SELECT|insert|INSERT|update|UPDATE|delete|DELETE|with|WITH)\b/;
const SQL_STATEMENT = /\b(?:select|insert|update|delete)\b[\s\S]+\b(?:from|into|set)\b/i;

/** `sql` tagged templates (drizzle's, postgres.js's) and string or template literals that read as SQL. */
export function sqlTextOf(source: string): { text: string; line: number }[] {
  const found: { text: string; line: number }[] = [];
  for (const token of tokenize(source)) {
    if (token.kind === 'template' && token.tag === 'sql') found.push(token);
    else if (
      (token.kind === 'string' || token.kind === 'template') &&
      SQL_OPENING.test(token.text) &&
      SQL_STATEMENT.test(token.text)
    )
      found.push(token);
  }
  return found;
}

function matchesPackage(specifier: string, pattern: string): boolean {
  if (pattern.endsWith('/*')) return specifier.startsWith(pattern.slice(0, -1));
  return specifier === pattern || specifier.startsWith(`${pattern}/`);
}

const isRelative = (specifier: string) => specifier.startsWith('./') || specifier.startsWith('../');
const inFolder = (path: string, folder: string) => path.startsWith(`${folder}/`);

/** The tree's file a relative import names (TypeScript's `./x.js` → `x.ts` included), or its bare path. */
function resolve(tree: SourceTree, from: string, specifier: string): { path: string; found: boolean } {
  const path = posix.join(posix.dirname(from), specifier);
  const stem = path.replace(/\.(?:[mc]?js)$/, '');
  const candidates = [
    path,
    `${stem}.ts`,
    `${stem}.mts`,
    `${stem}.cts`,
    `${path}.ts`,
    `${path}.js`,
    `${path}/index.ts`,
    `${path}/index.js`,
  ];
  const hit = candidates.find((c) => tree.has(c));
  return hit ? { path: hit, found: true } : { path, found: false };
}

/** What one file's own imports (and text) break of the rule. */
function directViolations(tree: SourceTree, file: string, rule: BoundaryRule): Violation[] {
  const source = tree.get(file)!;
  const violations: Violation[] = [];
  for (const { specifier, line } of importsOf(source)) {
    const forbidden = isRelative(specifier)
      ? rule.forbiddenFolders.some((folder) => inFolder(resolve(tree, file, specifier).path, folder))
      : rule.forbiddenPackages.some((pattern) => matchesPackage(specifier, pattern));
    if (forbidden) violations.push({ rule: rule.name, file, line, offence: `imports '${specifier}'` });
  }
  if (rule.forbidSql) {
    for (const { text, line } of sqlTextOf(source)) {
      const excerpt = text.trim().replace(/\s+/g, ' ').slice(0, 60);
      violations.push({ rule: rule.name, file, line, offence: `writes SQL "${excerpt}"` });
    }
  }
  return violations;
}

/** Every break of every rule in the tree. Files reached transitively are reported once, with one chain. */
export function findBoundaryViolations(tree: SourceTree, rules: readonly BoundaryRule[]): Violation[] {
  const violations: Violation[] = [];
  for (const rule of rules) {
    const governed = (path: string) => rule.folders.some((folder) => inFolder(path, folder));
    const entries = [...tree.keys()].filter(governed).sort();
    for (const file of entries) violations.push(...directViolations(tree, file, rule));
    if (!rule.transitive) continue;

    // Breadth first from every governed file, so each file outside the folders is reached by a shortest chain.
    const chainTo = new Map<string, string[]>(entries.map((file) => [file, [file]]));
    const queue = [...entries];
    while (queue.length > 0) {
      const file = queue.shift()!;
      for (const { specifier } of importsOf(tree.get(file)!)) {
        if (!isRelative(specifier)) continue;
        const target = resolve(tree, file, specifier);
        if (!target.found || chainTo.has(target.path)) continue;
        // An import into a forbidden folder is already reported where it is written.
        if (rule.forbiddenFolders.some((folder) => inFolder(target.path, folder))) continue;
        chainTo.set(target.path, [...chainTo.get(file)!, target.path]);
        queue.push(target.path);
      }
    }
    for (const [file, via] of [...chainTo].sort(([a], [b]) => a.localeCompare(b))) {
      if (governed(file)) continue;
      for (const violation of directViolations(tree, file, { ...rule, forbidSql: false })) {
        violations.push({ ...violation, via });
      }
    }
  }
  return violations;
}

/** One line per violation, naming the file, the line and the import. */
export function describeViolation(v: Violation): string {
  const reached = v.via ? ` (reached from ${v.via.join(' → ')})` : '';
  return `${v.file}:${v.line} ${v.offence}${reached}, against ${v.rule}`;
}
