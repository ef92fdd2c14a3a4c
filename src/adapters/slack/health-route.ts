import type { CustomRoute } from '@slack/bolt';

/** GET /healthz on the events port, for load balancers and container health checks. */
export const healthRoute: CustomRoute = {
  path: '/healthz',
  method: ['GET'],
  handler: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/plain' });
    res.end('ok');
  },
};
