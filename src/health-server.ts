import { createServer, type Server } from 'node:http';

/** GET /healthz for deployments without Slack's HTTP receiver (which serves its own). */
export async function startHealthServer(port: number): Promise<{ server: Server; stop(): Promise<void> }> {
  const server = createServer((req, res) => {
    const ok = req.method === 'GET' && req.url === '/healthz';
    res.writeHead(ok ? 200 : 404, { 'content-type': 'application/json' });
    res.end(JSON.stringify(ok ? { ok: true } : { error: 'not found' }));
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, resolve);
  });
  return { server, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
