import type { AppServices } from '../../../kernel/context.js';
import type { ModuleRuntime } from '../../../kernel/module.js';
import { createRedactor, type Redactor } from './redact.js';
import { RequestLogWriter } from './writer.js';

const writers = new WeakMap<AppServices, RequestLogWriter>();

export function redactorFor(services: AppServices): Redactor {
  return createRedactor({
    ...(services.config.ATRIUM_LOG_REDACT_FIELDS
      ? { extraFields: services.config.ATRIUM_LOG_REDACT_FIELDS }
      : {}),
    bodyLimitBytes: services.config.ATRIUM_LOG_BODY_LIMIT_BYTES,
  });
}

/** Starts this process's request-log writer (every role: the worker's demo seeding writes too). */
export async function startRequestLog(services: AppServices): Promise<ModuleRuntime> {
  const writer = new RequestLogWriter({
    pool: services.pool,
    log: services.log,
    redactor: redactorFor(services),
    metrics: services.metrics,
  });
  writers.set(services, writer);
  return {
    stop: async () => {
      writers.delete(services);
      await writer.close();
    },
  };
}

/** The process's writer; undefined before start, after stop, or with ATRIUM_REQUEST_LOG off. */
export function requestLogWriter(services: AppServices): RequestLogWriter | undefined {
  return services.config.ATRIUM_REQUEST_LOG ? writers.get(services) : undefined;
}
