import { setFlagsFromString } from 'node:v8';

/**
 * V8's allocation-site pretenuring: when most objects from one allocation site survive a young-
 * generation collection, V8 allocates that site's objects straight in the old generation from then
 * on. A server trips it easily — a burst of requests in flight when a scavenge runs, or the demo
 * world's seeding — and then every request's short-lived objects (contexts, closures, responses)
 * land in the old generation: `npm run bench:gateway` saw ~8 KB promoted per request, scavenges of
 * 3–10 ms, and about a third of the throughput gone. Off, they die young as they should.
 * Imported first by the entry point, before any request is served. Set here rather than on the
 * command line so every way of starting Atrium (npm start, the CLI, the benches) gets it;
 * V8 reads it when it reviews allocation sites at each young-generation collection, so setting
 * it after start takes effect (`--trace-gc` shows the promotion gone).
 */
setFlagsFromString('--no-allocation-site-pretenuring');
