/** Child-process entry of the fake platform: listens, then answers stats and reset over IPC. */
import { FakePlatform } from './fake-platform.js';
import type { PlatformReply, PlatformRequest } from './fake-platform-process.js';

async function serveFromChild(limit: number): Promise<void> {
  const platform = new FakePlatform(limit);
  const port = await platform.listen();
  const reply = (message: PlatformReply) => process.send?.(message);
  process.on('message', (message: PlatformRequest) => {
    if (message.type === 'stats') reply({ type: 'stats', stats: platform.stats() });
    if (message.type === 'reset') {
      platform.reset();
      reply({ type: 'reset' });
    }
  });
  process.once('SIGTERM', () => void platform.close().finally(() => process.exit(0)));
  process.once('disconnect', () => void platform.close().finally(() => process.exit(0)));
  reply({ type: 'listening', port });
}

void serveFromChild(Number(process.argv[2]));
