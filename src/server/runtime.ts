import type { DemoSignIn } from '../demo/core-world.js';
import { seedDemoWorld } from '../demo/seed-demo.js';
import type { Config } from '../kernel/config.js';
import type { AppServices, ProcessRole } from '../kernel/context.js';
import { endLongLived } from '../kernel/http/long-lived.js';
import type { Logger } from '../kernel/logger.js';
import { buildApp } from './app.js';
import { type HttpServer, listen } from './http-server.js';
import { openServices } from './services.js';
import { ensureWebBuilt } from './web-build.js';

export interface RunningAtrium {
  services: AppServices;
  /** Base URL when the role serves HTTP. */
  url?: string;
  /** Set when this start seeded the demo world: who to sign in as. */
  demo?: DemoSignIn;
  stop: () => Promise<void>;
}

/** Starts a process in the given role: api serves HTTP, worker runs jobs, all does both. */
export async function startAtrium(options: {
  config: Config;
  role: ProcessRole;
  log: Logger;
}): Promise<RunningAtrium> {
  const { config, role, log } = options;
  const serveHttp = role !== 'worker';
  if (serveHttp && config.ATRIUM_BUILD_WEB) await ensureWebBuilt(log);
  const { services, close } = await openServices({ config, role, log });
  let http: HttpServer | undefined;
  let demo: DemoSignIn | undefined;
  try {
    if (role !== 'api')
      await services.queue.work(
        services.modules.flatMap((module) => module.jobs),
        services,
      );
    if (config.ATRIUM_SEED_DEMO) {
      const seeded = await seedDemoWorld(services);
      if (seeded.outcome === 'seeded') demo = seeded.signIn;
    }
    if (serveHttp) http = await listen(buildApp(services).fetch, { port: config.PORT, host: config.HOST });
  } catch (error) {
    await close();
    throw error;
  }
  const stop = async () => {
    // Live streams never finish by themselves: end them so the drain waits only for real requests.
    endLongLived(services);
    await http?.close(config.ATRIUM_SHUTDOWN_TIMEOUT_MS);
    await close();
  };
  const url = config.ATRIUM_PUBLIC_URL ?? (http ? `http://localhost:${http.port}` : undefined);
  return { services, stop, ...(http && url ? { url } : {}), ...(demo ? { demo } : {}) };
}
