import { Inflate } from 'fflate';

/**
 * Compressed input fed to the inflater per step. Deflate expands at most about 1,032 times, so one
 * step makes at most about 1 MB before the running count is looked at again.
 */
const STEP = 1024;

export type InflateOutcome =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; reason: 'over-limit' | 'damaged' };

/**
 * Inflates a raw deflate stream, stopping as soon as the output passes `limit` bytes. fflate's
 * one-call inflateSync into a buffer of the declared size drops whatever does not fit without a
 * word, so a header that lies about its size would go unseen; its streaming Inflate, fed a step at a
 * time with the output counted, sees it.
 */
export function inflateWithin(compressed: Uint8Array, limit: number): InflateOutcome {
  const chunks: Uint8Array[] = [];
  let size = 0;
  let over = false;
  const inflater = new Inflate((chunk) => {
    size += chunk.length;
    if (size > limit) over = true;
    else chunks.push(chunk);
  });
  try {
    for (let at = 0; at < compressed.length && !over; at += STEP) {
      const stop = Math.min(at + STEP, compressed.length);
      inflater.push(compressed.subarray(at, stop), stop === compressed.length);
    }
  } catch {
    return { ok: false, reason: 'damaged' };
  }
  if (over) return { ok: false, reason: 'over-limit' };
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes: out };
}
