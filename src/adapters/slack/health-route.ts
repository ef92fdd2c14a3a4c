import type { CustomRoute } from '@slack/bolt';

/** GET /healthz on the events port, for load balancers and container health checks. */
export const healthRoute: CustomRoute = {
  path: '/healthz',
  method: ['GET'],
  handler: (_req, res) => {
    // The same answer as src/health-server.ts, so checks do not care which mode runs.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify({ ok: true }));
  },
};
