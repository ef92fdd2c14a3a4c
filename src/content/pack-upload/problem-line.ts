/** A content-check problem ("line 12: message", or a message alone) split into its line and its message. */
export function splitProblemLine(problem: string): { line: number | null; message: string } {
  const m = /^line (\d+): ([\s\S]*)$/.exec(problem);
  return m ? { line: Number(m[1]), message: m[2]! } : { line: null, message: problem };
}
