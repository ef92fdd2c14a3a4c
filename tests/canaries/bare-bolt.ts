import { type ChildProcess, spawn } from 'node:child_process';
import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** A bare Bolt app (bare-bolt-app.mjs) in a child process: its port, and the rejections it left unhandled. */
export interface BareBolt {
  port: number;
  unhandledRejections: string[];
  /** Signs `body` as Slack would and POSTs it; `null` when no answer came within `waitMs`. */
  post(
    body: string,
    options: { contentType: string; timestamp?: number; waitMs: number },
  ): Promise<number | null>;
  stop(): void;
}

const SCRIPT = fileURLToPath(new URL('./bare-bolt-app.mjs', import.meta.url));
const SIGNING_SECRET = 'canary-signing-secret';

/** The recorded slash command (`/drill help`) that tests/slack uses. */
export const SLASH_COMMAND_FORM = readFileSync(
  fileURLToPath(new URL('../fixtures/slack/slash-command.form', import.meta.url)),
  'utf8',
).trim();

// Slack's v0 signature, as tests/slack/slack-harness.ts signs; importing the harness would load the whole
// app into a test that needs one line of it.
const sign = (body: string, timestamp: number) =>
  `v0=${createHmac('sha256', SIGNING_SECRET).update(`v0:${timestamp}:${body}`).digest('hex')}`;
/** Marks the child's own report lines among Bolt's log lines. */
const REPORT = 'canary:';

export async function startBareBolt(): Promise<BareBolt> {
  const child: ChildProcess = spawn(process.execPath, [SCRIPT, SIGNING_SECRET], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const unhandledRejections: string[] = [];
  const port = await new Promise<number>((resolve, reject) => {
    let buffered = '';
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      buffered += chunk;
      let newline = buffered.indexOf('\n');
      while (newline !== -1) {
        const line = buffered.slice(0, newline);
        buffered = buffered.slice(newline + 1);
        newline = buffered.indexOf('\n');
        if (!line.startsWith(REPORT)) continue;
        const message = JSON.parse(line.slice(REPORT.length)) as {
          port?: number;
          unhandledRejection?: string;
        };
        if (message.port !== undefined) resolve(message.port);
        if (message.unhandledRejection !== undefined) unhandledRejections.push(message.unhandledRejection);
      }
    });
    child.once('exit', (code) => reject(new Error(`bare Bolt app exited before listening (${code})`)));
  });

  return {
    port,
    unhandledRejections,
    async post(body, { contentType, timestamp = Math.floor(Date.now() / 1000), waitMs }) {
      try {
        const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
          method: 'POST',
          headers: {
            'content-type': contentType,
            'x-slack-request-timestamp': String(timestamp),
            'x-slack-signature': sign(body, timestamp),
          },
          body,
          signal: AbortSignal.timeout(waitMs),
        });
        await res.arrayBuffer();
        return res.status;
      } catch (error) {
        if ((error as Error).name === 'TimeoutError') return null;
        throw error;
      }
    },
    stop: () => {
      child.stdin!.end();
      child.kill();
    },
  };
}
