// Runs better-auth's own Drizzle schema generator (shipped inside @better-auth/drizzle-adapter/relations-v2) on Node 20.
// The output targets drizzle 1.x relations (defineRelationsPart); the table definitions are usable with drizzle-orm 0.45.
import { drizzleAdapter } from '@better-auth/drizzle-adapter/relations-v2';
import { magicLink, organization, twoFactor } from 'better-auth/plugins';

const options = {
  plugins: [twoFactor(), magicLink({ sendMagicLink: async () => {} }), organization({ dynamicAccessControl: { enabled: true } })],
  user: { modelName: 'auth_user' },
  advanced: { database: { generateId: () => crypto.randomUUID() } },
} as never;
const adapter = drizzleAdapter({ _: {} } as never, { provider: 'pg' })(options) as any;
const out = await adapter.createSchema({ options, file: '/tmp/ba-spike/generated-auth-schema.ts' });
console.log(out.code);
