/**
 * A bare Bolt app: HTTP receiver, one slash command listener, none of our
 * guards. Runs as a child process so that Bolt's unhandled rejection (the
 * null-body defect) lands here, not in the test runner. Reports on stdout, one
 * `canary:` JSON line each: its port, then every unhandled rejection (Bolt's
 * own log lines go to stdout too, unprefixed). Exits when its stdin closes, so
 * it never outlives the test.
 *
 * argv[2]: the signing secret.
 */
import bolt from '@slack/bolt';

const { App, HTTPReceiver, LogLevel } = bolt;

const report = (message) => process.stdout.write(`canary:${JSON.stringify(message)}\n`);

process.stdin.resume().on('close', () => process.exit(0));
process.on('unhandledRejection', (reason) => {
  report({ unhandledRejection: String(reason?.message ?? reason) });
});

const receiver = new HTTPReceiver({
  signingSecret: process.argv[2],
  endpoints: '/slack/events',
  logLevel: LogLevel.ERROR,
});
const app = new App({
  receiver,
  // Token and bot ids given up front: Bolt calls no Slack API (auth.test) to learn them.
  token: 'xoxb-canary',
  botId: 'B0CANARY',
  botUserId: 'U0CANARY',
  tokenVerificationEnabled: false,
  logLevel: LogLevel.ERROR,
});
app.command('/drill', async ({ ack }) => {
  await ack();
});
const server = await app.start(0);
report({ port: server.address().port });
