/**
 * Runs work through a lane, and answers 'late' once the work has run for
 * `deadlineMs` after leaving the queue: a database outage gives a clear answer,
 * not a hang. The work itself is not cancelled; its writes are idempotent.
 */
export async function withDeadline<T>(
  enqueue: (work: () => Promise<T>) => Promise<T>,
  work: () => Promise<T>,
  deadlineMs: number,
  onLateSettle: (error: unknown) => void,
): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  let markStarted: () => void = () => {};
  const started = new Promise<void>((resolve) => {
    markStarted = resolve;
  });
  const running = enqueue(() => {
    markStarted();
    return work();
  });
  const late = started.then(
    () =>
      new Promise<'late'>((resolve) => {
        timer = setTimeout(() => resolve('late'), deadlineMs);
      }),
  );
  try {
    const result = await Promise.race([running, late]);
    if (result === 'late') running.catch(onLateSettle);
    return result;
  } finally {
    clearTimeout(timer);
  }
}
