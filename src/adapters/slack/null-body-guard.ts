import type { IncomingMessage, RequestListener } from 'node:http';
import { parse as parseQuery } from 'node:querystring';

/** Bolt's own request body limit. */
const BODY_LIMIT_BYTES = 4 * 1024 * 1024;

/** The body as Bolt will parse it: form fields, or the JSON in `payload`, or JSON. Undefined when unparsable. */
function parsedLikeBolt(raw: Buffer, contentType: string | undefined): unknown {
  try {
    const text = raw.toString();
    if (contentType === 'application/x-www-form-urlencoded') {
      const { payload } = parseQuery(text);
      return typeof payload === 'string' ? JSON.parse(payload) : {};
    }
    return JSON.parse(text);
  } catch {
    return undefined;
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
      if (parsedLikeBolt(raw, req.headers['content-type']) === null) {
        res.writeHead(400).end();
        return;
      }
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = raw;
      listener(req, res);
    });
  };
}
