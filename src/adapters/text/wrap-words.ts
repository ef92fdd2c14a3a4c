/** Columns a string takes in a monospace font: one per code point (wide characters are rare in questions). */
export const columns = (text: string): number => [...text].length;

/** A word longer than the width, cut into width-sized pieces: nothing else fits. */
function cutWord(word: string, width: number): string[] {
  const chars = [...word];
  const pieces: string[] = [];
  for (let i = 0; i < chars.length; i += width) pieces.push(chars.slice(i, i + width).join(''));
  return pieces;
}

/** Plain text as lines of at most width columns, broken between words; an empty text is one empty line. */
export function wrapWords(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    for (const piece of columns(word) > width ? cutWord(word, width) : [word]) {
      if (!line) line = piece;
      else if (columns(line) + 1 + columns(piece) <= width) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  lines.push(line);
  return lines;
}
