// rate-limiter-flexible's synchronous memory store (the counting behind RateLimiterMemory), which
// the package ships without its own declaration.
declare module 'rate-limiter-flexible/lib/component/MemoryStorage/MemoryStorage.js' {
  import type { RateLimiterRes } from 'rate-limiter-flexible';

  export default class MemoryStorage {
    incrby(key: string, value: number, durationSec: number): RateLimiterRes;
  }
}
