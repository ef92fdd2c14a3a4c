const FENCE = '```';
const FENCE_CLOSE = `\n${FENCE}`;

/** The language tag of a code fence left open at the end of text, or null when all fences are closed. */
function openFence(text: string): string | null {
  const fences = [...text.matchAll(/```([\w+-]*)/g)];
  if (fences.length % 2 === 0) return null;
  return fences[fences.length - 1]?.[1] ?? '';
}

/** Where to cut text so the first part has at most max chars: a paragraph, a line, then a space. */
function cutPoint(text: string, max: number): { at: number; skip: RegExp } {
  const window = text.slice(0, max + 1);
  const half = Math.floor(max / 2);
  const paragraph = window.lastIndexOf('\n\n');
  if (paragraph > half) return { at: paragraph, skip: /^\n+/ };
  const line = window.lastIndexOf('\n');
  if (line > half) return { at: line, skip: /^\n/ };
  const space = window.lastIndexOf(' ');
  if (space > 0) return { at: space, skip: /^ +/ };
  if (line > 0) return { at: line, skip: /^\n/ };
  // One word longer than a whole chunk (a long URL): nothing to do but cut it.
  return { at: max, skip: /^/ };
}

function cutAt(text: string, { at, skip }: { at: number; skip: RegExp }): { chunk: string; rest: string } {
  let chunk = text.slice(0, at).trimEnd();
  let rest = text.slice(at).replace(skip, '');
  const language = openFence(chunk);
  if (language !== null) {
    chunk += FENCE_CLOSE;
    rest = `${FENCE}${language}\n${rest}`;
  }
  return { chunk, rest };
}

/**
 * Splits text into chunks of at most max characters at paragraph, line or
 * word breaks, never inside a word. A code block cut in two is closed at the
 * end of one chunk and reopened (same language) at the start of the next.
 */
export function splitText(text: string, max: number): string[] {
  if (max < 64) throw new RangeError('max is too small to split text');
  const chunks: string[] = [];
  let rest = text.trim();
  const reserve = rest.includes(FENCE) ? FENCE_CLOSE.length : 0;
  while (rest.length > max) {
    let next = cutAt(rest, cutPoint(rest, max - reserve));
    // A cut that leaves only a reopened fence behind would loop: cut the long line instead.
    if (next.rest.length >= rest.length) next = cutAt(rest, { at: max - reserve, skip: /^/ });
    if (next.chunk.length > 0) chunks.push(next.chunk);
    rest = next.rest;
  }
  if (rest.length > 0) chunks.push(rest);
  return chunks;
}

/** Shortens a one-line text (a title, a label) to max chars at a word break, with an ellipsis. */
export function shorten(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).trimEnd()}…`;
}
