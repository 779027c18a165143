// The live module's public services: any module publishes live events in its own transaction.
export { type LiveEvent, type LiveEventInput, publishLive } from './services/publish-live.js';
