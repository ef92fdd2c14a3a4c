/**
 * Runs the fake platform in its own process (fake-platform-server.ts), so its
 * clock and its sockets are never held up by the bot's event loop: a stalled
 * server would read a backlog at once and count a burst the bot never sent.
 */
import { fork } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { PlatformStats } from './fake-platform.js';

export type PlatformRequest = { type: 'stats' } | { type: 'reset' };
export type PlatformReply =
  | { type: 'listening'; port: number }
  | { type: 'stats'; stats: PlatformStats }
  | { type: 'reset' };

const SERVER_ENTRY = fileURLToPath(new URL('./fake-platform-server.ts', import.meta.url));

export interface FakePlatformHandle {
  url: string;
  stats(): Promise<PlatformStats>;
  reset(): Promise<void>;
  stop(): Promise<void>;
}

/** Starts the fake platform in a child process and returns a handle to it. */
export async function startFakePlatformProcess(limitPerSecond: number): Promise<FakePlatformHandle> {
  const child = fork(SERVER_ENTRY, [String(limitPerSecond)], {
    execArgv: ['--import', 'tsx'],
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const next = <T extends PlatformReply['type']>(type: T) =>
    new Promise<Extract<PlatformReply, { type: T }>>((resolve, reject) => {
      const onMessage = (message: PlatformReply) => {
        if (message.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(message as Extract<PlatformReply, { type: T }>);
      };
      const onExit = (code: number | null) => reject(new Error(`fake platform exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  const send = (request: PlatformRequest) => child.send(request);
  const { port } = await next('listening');
  return {
    url: `http://127.0.0.1:${port}`,
    async stats() {
      const reply = next('stats');
      send({ type: 'stats' });
      return (await reply).stats;
    },
    async reset() {
      const reply = next('reset');
      send({ type: 'reset' });
      await reply;
    },
    async stop() {
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
