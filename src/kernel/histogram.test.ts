import { Histogram, Registry } from 'prom-client';
import { describe, expect, it } from 'vitest';
import { HotHistogram } from './histogram.js';

const buckets = [0.01, 0.1, 1];
const observations: [string, string, number][] = [
  ['GET', '200', 0.005],
  ['GET', '200', 0.05],
  ['GET', '200', 0.1],
  ['GET', '200', 7],
  ['POST', '400', 0.5],
];

describe('HotHistogram', () => {
  it('exposes exactly what prom-client’s Histogram exposes for the same observations', async () => {
    const reference = new Registry();
    const referenceHistogram = new Histogram({
      name: 'latency_seconds',
      help: 'Latency.',
      labelNames: ['method', 'status'],
      buckets,
      registers: [reference],
    });
    const hot = new Registry();
    const hotHistogram = new HotHistogram('latency_seconds', 'Latency.', ['method', 'status'], buckets, hot);
    for (const [method, status, value] of observations) {
      referenceHistogram.observe({ method, status }, value);
      hotHistogram.observe(hotHistogram.series([method, status]), value);
    }
    const sortLines = (text: string) => text.split('\n').sort();
    expect(sortLines(await hot.metrics())).toEqual(sortLines(await reference.metrics()));
  });

  it('counts a value equal to a bound in that bucket, and resets', async () => {
    const registry = new Registry();
    const histogram = new HotHistogram('x_seconds', 'X.', ['route'], buckets, registry);
    histogram.observe(histogram.series(['/a']), 0.1);
    expect(await registry.metrics()).toContain('x_seconds_bucket{le="0.1",route="/a"} 1');
    expect(await registry.metrics()).toContain('x_seconds_bucket{le="0.01",route="/a"} 0');
    registry.resetMetrics();
    expect(await registry.metrics()).not.toContain('x_seconds_count');
  });
});
