// The webhooks module's public services, for other modules (emitters, notifications) and tests.

export type { DisabledEndpoint } from './services/disable-endpoint.js';
export { onEndpointDisabled } from './services/disable-endpoint.js';
export type { DispatchedEvent } from './services/dispatch-events.js';
export type { EmitEventOptions } from './services/emit-event.js';
export { emitEvent } from './services/emit-event.js';
