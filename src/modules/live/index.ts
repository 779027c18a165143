// The live module's public services: any module publishes live events in its own transaction.
export {
  type LiveEvent,
  type LiveEventInput,
  publishLive,
  publishLiveMany,
} from './services/publish-live.js';
