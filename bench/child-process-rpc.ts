/**
 * A benchmark's helper process: forked with tsx (like `npm start`), it plays
 * the platform's side (its clock and sockets never held up by the bot's event
 * loop, where PGlite runs its queries), announces itself once, then answers
 * calls over IPC, matched by id.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';

type ToChild<Request> = { kind: 'call'; id: number; request: Request };
type FromChild<Ready, Reply> =
  | { kind: 'ready'; value: Ready }
  | { kind: 'reply'; id: number; value: Reply }
  | { kind: 'error'; id: number; message: string };

export interface ChildHandle<Ready, Request, Reply> {
  ready: Ready;
  call(request: Request): Promise<Reply>;
  stop(): Promise<void>;
}

/** Parent side: forks `entry` (a bench/*.ts file) and waits for its ready message. */
export async function forkChild<Ready, Request, Reply>(
  entry: URL,
  args: readonly string[] = [],
): Promise<ChildHandle<Ready, Request, Reply>> {
  const child = fork(fileURLToPath(entry), [...args], {
    // A young generation big enough that the platform's side rarely collects during a timed round:
    // its pauses would be timed as the bot's (scavenges of 10–20 ms were seen in the fake Discord).
    execArgv: ['--import', 'tsx', '--max-semi-space-size=64'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const pending = new Map<number, { resolve(value: Reply): void; reject(error: Error): void }>();
  let nextId = 0;
  let exitError: Error | null = null;
  const exited = new Promise<void>((resolve) => {
    child.once('exit', (code, signal) => {
      exitError = new Error(`${entry.pathname} exited (${signal ?? code})`);
      for (const call of pending.values()) call.reject(exitError);
      pending.clear();
      resolve();
    });
  });
  const ready = new Promise<Ready>((resolve, reject) => {
    child.on('message', (message: FromChild<Ready, Reply>) => {
      if (message.kind === 'ready') {
        resolve(message.value);
        return;
      }
      const call = pending.get(message.id);
      pending.delete(message.id);
      if (message.kind === 'reply') call?.resolve(message.value);
      else call?.reject(new Error(message.message));
    });
    void exited.then(() => reject(exitError));
  });
  return {
    ready: await ready,
    call(request) {
      if (exitError) return Promise.reject(exitError);
      const id = nextId++;
      return new Promise<Reply>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ kind: 'call', id, request } satisfies ToChild<Request>);
      });
    },
    async stop() {
      if (!exitError) child.kill('SIGTERM');
      await exited;
    },
  };
}

/** Child side: starts, announces `ready`, answers each call with `handle`, closes on SIGTERM or when the parent goes. */
export async function serveParent<Ready, Request, Reply>(
  start: () => Promise<{
    ready: Ready;
    handle(request: Request): Promise<Reply>;
    close(): Promise<void>;
  }>,
): Promise<void> {
  const send = (message: FromChild<Ready, Reply>) => process.send?.(message);
  const served = await start();
  let closed = false;
  const close = () => {
    if (closed) return;
    closed = true;
    void served.close().finally(() => process.exit(0));
  };
  process.on('message', (message: ToChild<Request>) => {
    if (message.kind !== 'call') return;
    served.handle(message.request).then(
      (value) => send({ kind: 'reply', id: message.id, value }),
      (error: unknown) =>
        send({
          kind: 'error',
          id: message.id,
          message: error instanceof Error ? error.message : String(error),
        }),
    );
  });
  process.once('SIGTERM', close);
  process.once('disconnect', close);
  send({ kind: 'ready', value: served.ready });
}
