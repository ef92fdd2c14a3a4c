/**
 * A closed-loop load: `concurrency` workers share `count` jobs, each worker
 * starting its next job as soon as the previous one has finished, so exactly
 * that many are in flight until the jobs run out. Each job returns the
 * latency it measured (ms), or null when it failed.
 */

export interface LoadResult {
  /** Latencies (ms) of the jobs that succeeded, in completion order. */
  samples: number[];
  failed: number;
  /** From the first job's start to the last job's end. */
  seconds: number;
}

export async function closedLoop(
  count: number,
  concurrency: number,
  job: (index: number) => Promise<number | null>,
): Promise<LoadResult> {
  const samples: number[] = [];
  let failed = 0;
  let next = 0;
  const worker = async () => {
    while (next < count) {
      const index = next;
      next += 1;
      const latency = await job(index);
      if (latency === null) failed += 1;
      else samples.push(latency);
    }
  };
  const t0 = performance.now();
  await Promise.all(Array.from({ length: Math.min(concurrency, count) }, worker));
  return { samples, failed, seconds: (performance.now() - t0) / 1000 };
}
