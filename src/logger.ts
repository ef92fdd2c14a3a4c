import pino, { type DestinationStream, type Logger } from 'pino';

export type { Logger };

/**
 * Structured logs that never carry a secret: known secret keys are redacted,
 * and any secret value that slips into a message is masked on the way out.
 */
export function createLogger(options: {
  level: string;
  secrets: readonly (string | undefined)[];
  destination?: DestinationStream;
}): Logger {
  const secrets = options.secrets.filter((s): s is string => typeof s === 'string' && s.length >= 6);
  return pino(
    {
      level: options.level,
      redact: {
        paths: [
          'token',
          '*.token',
          'botToken',
          'appToken',
          'signingSecret',
          'authorization',
          '*.authorization',
          'headers.authorization',
          '*.headers.authorization',
        ],
        censor: '[redacted]',
      },
      hooks: {
        streamWrite(line) {
          let out = line;
          for (const secret of secrets) out = out.split(secret).join('[redacted]');
          return out;
        },
      },
    },
    options.destination ?? pino.destination(2),
  );
}
