import { collectDefaultMetrics, Registry } from 'prom-client';

/** One registry per process (and per test app), so metrics never leak between instances. */
export function createMetricsRegistry(): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service: 'atrium' });
  collectDefaultMetrics({ register: registry });
  return registry;
}
