import type { ModuleManifest } from '../kernel/module.js';
import { identityModule } from './identity/module.js';
import { mailModule } from './mail/module.js';
import { systemModule } from './system/module.js';

/** Every module Atrium ships. Adding a module means adding its folder and one line here. */
export const allModules: readonly ModuleManifest[] = [systemModule, mailModule, identityModule];
