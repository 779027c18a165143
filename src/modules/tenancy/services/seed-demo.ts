import type { AppServices } from '../../../kernel/context.js';
import { withTenant } from '../../../kernel/db/tenant.js';
import { systemActor } from '../../../kernel/http/actor.js';
import type { DemoTenant, DemoWorld } from '../../../kernel/module.js';
import type { APP_ENVIRONMENTS } from '../contract.js';
import { createApp } from './create-app.js';
import { createProject } from './create-project.js';
import { updateTenantProfile } from './update-tenant-profile.js';

interface DemoApp {
  name: string;
  description: string;
  environment: (typeof APP_ENVIRONMENTS)[number];
  ipAllowlist?: string[];
  settings?: Record<string, unknown>;
}

interface DemoProject {
  name: string;
  description: string;
  apps: DemoApp[];
}

/** Per demo family: the projects and apps such a partner would run, and a brand colour. */
const WORLDS: Record<DemoTenant['family'], { brandColor: string; projects: DemoProject[] }> = {
  intelligence: {
    brandColor: '#0b5394',
    projects: [
      {
        name: 'Customer intelligence',
        description: 'Statement ingestion and affordability checks for retail customers.',
        apps: [
          {
            name: 'Core banking connector',
            description: 'Sends statements from the core banking system.',
            environment: 'production',
            ipAllowlist: ['198.51.100.0/24', '2001:db8:4a::/48'],
            settings: { batchSize: 500, region: 'eu-west' },
          },
          {
            name: 'Analyst sandbox',
            description: 'Where the data team tries new models.',
            environment: 'sandbox',
          },
        ],
      },
      {
        name: 'Fraud screening',
        description: 'Screening against sanctions lists, starting next quarter.',
        apps: [],
      },
    ],
  },
  workloads: {
    brandColor: '#c2185b',
    projects: [
      {
        name: 'Render pipeline',
        description: 'Tracks render jobs across the studios.',
        apps: [
          { name: 'Render farm agent', description: 'Reports job progress.', environment: 'production' },
          {
            name: 'Pipeline staging',
            description: 'Staging for the render farm agent.',
            environment: 'sandbox',
          },
        ],
      },
    ],
  },
  sponsorship: {
    brandColor: '#2e7d32',
    projects: [
      {
        name: 'Sponsorship portal',
        description: 'The donor-facing sponsorship site.',
        apps: [{ name: 'Donor site', description: 'Public website backend.', environment: 'production' }],
      },
    ],
  },
  integration: {
    brandColor: '#ef6c00',
    projects: [
      {
        name: 'Storefront integration',
        description: 'Orders and stock between the shops and the platform.',
        apps: [
          {
            name: 'Checkout service',
            description: 'Creates orders at checkout.',
            environment: 'production',
            ipAllowlist: ['203.0.113.0/25'],
            settings: { currency: 'EUR', webhookRetries: 5 },
          },
          { name: 'Staging storefront', description: 'Test shop for new releases.', environment: 'sandbox' },
        ],
      },
    ],
  },
};

/** Projects, apps and a filled-in profile for every demo tenant, through the module's services. */
export async function seedTenancyDemo(services: AppServices, world: DemoWorld): Promise<void> {
  const actor = systemActor('demo seeder');
  for (const tenant of world.tenants) {
    const { brandColor, projects } = WORLDS[tenant.family];
    await withTenant(services.pool, tenant.id, async (tx) => {
      await updateTenantProfile(tx, {
        changes: {
          contact: { name: 'Olivia Owner', phone: '+44 20 7946 0000' },
          address: `1 ${tenant.name} Way\nLondon EC1A 1AA\nUnited Kingdom`,
          brandColor,
        },
        actor,
      });
      for (const project of projects) {
        const created = await createProject(tx, {
          name: project.name,
          description: project.description,
          actor,
        });
        for (const app of project.apps) {
          await createApp(tx, {
            projectId: created.id,
            ipAllowlist: [],
            settings: {},
            ...app,
            actor,
          });
        }
      }
    });
  }
}
