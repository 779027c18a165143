import { z } from 'zod';

/**
 * Every environment variable Atrium reads, in one schema. Parsed once at boot; the README's
 * configuration table is generated from these descriptions (`npm run gen`).
 */
const booleanFlag = (fallback: 'true' | 'false') =>
  z
    .enum(['true', 'false', '1', '0'])
    .default(fallback)
    .transform((value) => value === 'true' || value === '1');

export const configSchema = z.object({
  NODE_ENV: z
    .enum(['development', 'production', 'test'])
    .default('development')
    .describe(
      'Runtime mode. `reset` and other destructive development commands refuse to run in `production`.',
    ),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .default(3000)
    .describe('HTTP port for the API, the dashboard and the docs (0 picks a free port).'),
  HOST: z.string().min(1).default('0.0.0.0').describe('Interface the HTTP server binds to.'),
  ATRIUM_PUBLIC_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .describe(
      'Public base URL (e.g. `https://partners.example.com`). HTTPS here turns on HSTS. Printed as the address on start.',
    ),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/ })
    .optional()
    .describe(
      'PostgreSQL (≥15) connection string. Unset: Atrium starts its embedded PostgreSQL in `ATRIUM_DATA_DIR`.',
    ),
  ATRIUM_DATA_DIR: z
    .string()
    .min(1)
    .default('.atrium')
    .describe('Directory for the embedded PostgreSQL data and local files.'),
  ATRIUM_EMBEDDED_PG_PORT: z.coerce
    .number()
    .int()
    .min(1)
    .max(65535)
    .default(54329)
    .describe('TCP port (on 127.0.0.1) for the embedded PostgreSQL server.'),
  ATRIUM_DB_POOL_SIZE: z.coerce
    .number()
    .int()
    .min(1)
    .max(200)
    .default(10)
    .describe('Maximum connections in the application pool.'),
  ATRIUM_MODULES: z
    .string()
    .regex(/^[a-z][a-z0-9-]*(,[a-z][a-z0-9-]*)*$/, 'comma-separated module ids, e.g. "system,keys"')
    .optional()
    .describe('Comma-separated module ids to enable. Unset: every registered module.'),
  ATRIUM_REQUEST_LOG: booleanFlag('true').describe(
    'Store every Partner and Public API request of a tenant in the request log (redacted). Off: no logs page data, no usage figures.',
  ),
  ATRIUM_LOG_REDACT_FIELDS: z
    .string()
    .regex(/^[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*$/, 'comma-separated field names')
    .optional()
    .describe(
      'More JSON body fields and headers to redact in the request log, comma-separated (case-insensitive), on top of credentials, passwords, secrets and tokens.',
    ),
  ATRIUM_LOG_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(1_048_576)
    .default(8192)
    .describe('Request and response bodies are stored in the request log up to this size, then truncated.'),
  ATRIUM_SLA_TARGET: z.coerce
    .number()
    .min(0)
    .max(100)
    .default(99.9)
    .describe(
      'Availability target in percent for the overview’s API health widget: the share of calls that must not answer 5xx.',
    ),
  ATRIUM_SIGN_IN_RATE_LIMIT: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(3)
    .describe(
      'Sign-in, sign-up and two-factor attempts allowed per client address in 10 seconds; more get 429. Raise it when many users share one address (a proxy, a NAT).',
    ),
  ATRIUM_PLAN_REQUESTS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .optional()
    .describe(
      'Per-tenant API request rate (requests a minute, per process) for every plan. Unset: each tier’s own (free 600, growth 3,000, enterprise 12,000).',
    ),
  ATRIUM_BODY_LIMIT_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1_048_576)
    .describe('Largest accepted request body in bytes; larger bodies get 413.'),
  ATRIUM_SHUTDOWN_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(0)
    .default(10_000)
    .describe('How long a shutdown waits for in-flight requests and jobs before closing them.'),
  ATRIUM_BUILD_WEB: booleanFlag('true').describe(
    'Build the dashboard on start when `dist/web` is missing or older than its sources.',
  ),
  ATRIUM_SEED_DEMO: booleanFlag('true').describe(
    'Seed the demo world on the first start against an empty database.',
  ),
  ATRIUM_SECRET: z
    .string()
    .min(32, 'must be at least 32 characters (e.g. `openssl rand -base64 32`)')
    .optional()
    .describe(
      'Secret that signs sessions. Required in production; in development one is generated into `ATRIUM_DATA_DIR/secret`.',
    ),
  ATRIUM_WEBHOOK_ALLOWED_HOSTS: z
    .string()
    .regex(/^[^,\s]+(,[^,\s]+)*$/, 'comma-separated hostnames or CIDR ranges, e.g. "localhost,10.0.0.0/8"')
    .optional()
    .describe(
      'Webhook endpoints may point at these hostnames or addresses (CIDR ranges), comma-separated, although they are loopback, private or link-local. Unset: such endpoints are refused.',
    ),
  SMTP_URL: z
    .url({ protocol: /^smtps?$/ })
    .optional()
    .describe(
      'SMTP server for outgoing mail, e.g. `smtps://user:pass@mail.example.com:465`. Unset: mail is kept in the development mailbox in the database.',
    ),
  MAIL_FROM: z
    .string()
    .min(3)
    .default('Atrium <no-reply@atrium.localhost>')
    .describe('Sender of the mail Atrium sends (`Name <address>` or an address).'),
  LOG_LEVEL: z
    .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
    .default('info')
    .describe('Minimum level of the JSON logs written to stdout.'),
});

export type Config = z.infer<typeof configSchema>;

/** Rules across variables, reported like any other invalid variable. */
function crossChecks(config: Config): { variable: string; message: string }[] {
  if (config.NODE_ENV === 'production' && !config.ATRIUM_SECRET) {
    return [{ variable: 'ATRIUM_SECRET', message: 'required when NODE_ENV=production' }];
  }
  return [];
}

export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      `Invalid configuration: ${problems.map((problem) => `${problem.variable}: ${problem.message}`).join('; ')}`,
    );
    this.name = 'ConfigError';
  }
}

/** Parses the environment; empty strings count as unset so `FOO=` behaves like no FOO. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const known = Object.keys(configSchema.shape);
  const input = Object.fromEntries(
    known.filter((key) => env[key] !== undefined && env[key] !== '').map((key) => [key, env[key]]),
  );
  const result = configSchema.safeParse(input);
  if (result.success) {
    const problems = crossChecks(result.data);
    if (problems.length) throw new ConfigError(problems);
    return result.data;
  }
  throw new ConfigError(
    result.error.issues.map((issue) => ({ variable: String(issue.path[0] ?? '?'), message: issue.message })),
  );
}

/** Rows of the README configuration table, derived from the schema. */
export function describeConfig(): { variable: string; default: string; description: string }[] {
  return Object.entries(configSchema.shape).map(([variable, field]) => {
    const json = z.toJSONSchema(field, { io: 'input' }) as { default?: unknown };
    return {
      variable,
      default: json.default === undefined ? '—' : String(json.default),
      description: field.description ?? '',
    };
  });
}
