import { pino } from 'pino';

export type Logger = pino.Logger;

/**
 * JSON logs on stdout, written asynchronously so a slow consumer of stdout never stalls a request;
 * shutdown flushes before exiting.
 */
export function createLogger(level: string): Logger {
  const destination = pino.destination({ dest: 1, sync: false });
  return pino(
    {
      level,
      base: { service: 'atrium' },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', '*.password', '*.secret', '*.token'],
        censor: '[redacted]',
      },
    },
    destination,
  );
}
