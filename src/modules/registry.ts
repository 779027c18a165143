import type { ModuleManifest } from '../kernel/module.js';
import { accessModule } from './access/module.js';
import { auditModule } from './audit/module.js';
import { identityModule } from './identity/module.js';
import { intelligenceModule } from './intelligence/module.js';
import { jobsModule } from './jobs/module.js';
import { keysModule } from './keys/module.js';
import { liveModule } from './live/module.js';
import { logsModule } from './logs/module.js';
import { mailModule } from './mail/module.js';
import { notificationsModule } from './notifications/module.js';
import { operatorModule } from './operator/module.js';
import { systemModule } from './system/module.js';
import { tenancyModule } from './tenancy/module.js';
import { usageModule } from './usage/module.js';
import { webhooksModule } from './webhooks/module.js';

/** Every module Atrium ships. Adding a module means adding its folder and one line here. */
export const allModules: readonly ModuleManifest[] = [
  systemModule,
  mailModule,
  liveModule,
  identityModule,
  auditModule,
  accessModule,
  tenancyModule,
  notificationsModule,
  jobsModule,
  keysModule,
  logsModule,
  usageModule,
  webhooksModule,
  intelligenceModule,
  operatorModule,
];
