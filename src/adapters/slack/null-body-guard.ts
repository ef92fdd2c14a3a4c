/**
 * Workaround for Bolt's hang on a body that parses to null: @slack/bolt 5's
 * HTTPReceiver reads `body.ssl_check` outside its try/catch, so a signed
 * `payload=null` (or a JSON `null`) is never answered and leaves an unhandled
 * rejection, which ends a Node process that has no handler for it.
 *
 * Upstream: no upstream issue found.
 * Canary: tests/canaries/bolt-null-body.test.ts.
 */
import type { IncomingMessage, RequestListener } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** Bolt's own request body limit. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

// JSON that starts with `{` parses to an object or not at all, never to null: every real click and event
// body is one, and these spare them a second full parse on the way to the ack.
const OBJECT_PAYLOAD_FIELD = /(?:^|&)payload=(?:\{|%7B)/i;
const OBJECT_JSON = /^[ \t\n\r]*\{/;

/** Whether the body, parsed as Bolt will (form fields, the JSON in `payload`, or JSON), is null. */
function parsesToNull(raw: Buffer, contentType: string | undefined): boolean {
  const text = raw.toString();
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      if (OBJECT_PAYLOAD_FIELD.test(text)) return false;
      const { payload } = parseQuery(text);
      return typeof payload === 'string' && JSON.parse(payload) === null;
    }
    return !OBJECT_JSON.test(text) && JSON.parse(text) === null;
  } catch {
    return false;
  }
}

/**
 * Bolt 5 reads `body.ssl_check` outside its try/catch, so a body that parses
 * to JSON null (`payload=null`) rejects a promise nobody handles and the
 * request hangs. This buffers the body (Bolt reuses `rawBody` when present)
 * and answers 400 to such a body; everything else goes on to Bolt unchanged.
 */
export function refuseNullBodies(listener: RequestListener): RequestListener {
  return (req, res) => {
    if (req.method !== 'POST') {
      listener(req, res);
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= BODY_LIMIT_BYTES) chunks.push(chunk);
    });
    req.on('error', () => {
      if (!res.headersSent) res.writeHead(400).end();
    });
    req.on('end', () => {
      if (size > BODY_LIMIT_BYTES) {
        res.writeHead(413).end();
        return;
      }
      const raw = Buffer.concat(chunks);
      if (parsesToNull(raw, req.headers['content-type'])) {
        res.writeHead(400).end();
        return;
      }
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      listener(req, res);
    });
  };
}
