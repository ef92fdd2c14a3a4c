import { isMap, LineCounter, parseDocument } from 'yaml';

/** YAML text parsed with the file line of every key and value at hand, for problems that name their line. */
export interface LocatedYaml {
  data: unknown;
  /** The first YAML error as "line N: message", or null. */
  error: string | null;
  /** The file line of the value at `path` (of the key when `key`), or null when it is not there. */
  lineOf(path: readonly PropertyKey[], key?: boolean): number | null;
}

/** Parses `text`, whose first line is line `firstLine` of its file. */
export function parseLocatedYaml(text: string, firstLine = 1): LocatedYaml {
  const counter = new LineCounter();
  const doc = parseDocument(text, { lineCounter: counter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number) => counter.linePos(offset).line + firstLine - 1;
  const first = doc.errors[0];
  const error = first
    ? `line ${lineAt(first.pos[0])}: not valid YAML: ${yamlHint(first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, ''))}`
    : null;
  return {
    data: error ? undefined : doc.toJS(),
    error,
    lineOf(path, key = false) {
      const parentPath = path.slice(0, -1);
      const parent = parentPath.length === 0 ? doc.contents : doc.getIn(parentPath, true);
      const last = path[path.length - 1];
      if (key && isMap(parent)) {
        const pair = parent.items.find(
          (p) => (p.key as { value?: unknown } | null)?.value === last || String(p.key) === String(last),
        );
        const range = (pair?.key as { range?: [number, number, number] } | null)?.range;
        return range ? lineAt(range[0]) : null;
      }
      const node = (path.length === 0 ? doc.contents : doc.getIn(path, true)) as {
        range?: [number, number, number];
      } | null;
      return node?.range ? lineAt(node.range[0]) : null;
    },
  };
}

/** The value at `path` inside parsed YAML data, or undefined. */
function valueAt(data: unknown, path: readonly PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A zod issue on YAML data as one line. A string field that YAML read as null, a boolean or a
 * number (`null`, `yes`, `1.0`) gets a hint to quote it, since that is nearly always the cause.
 */
export function issueText(
  issue: { path: readonly PropertyKey[]; message: string; code: string; expected?: unknown },
  data: unknown,
): string {
  const where = issue.path.map(String).join('.') || '(root)';
  const value = valueAt(data, issue.path);
  if (issue.code === 'invalid_type' && issue.expected === 'string' && value !== undefined) {
    const read = value === null ? 'no value' : `a ${typeof value}`;
    return `${where}: YAML reads ${JSON.stringify(value)} as ${read}, not text; put it in quotes`;
  }
  return `${where}: ${issue.message}`;
}

/** YAML's own error messages, with a hint for the usual cause of the cryptic ones. */
export function yamlHint(message: string): string {
  return /compact mappings|Implicit map keys/.test(message)
    ? `${message} (a value holding ": " needs quotes)`
    : message;
}
