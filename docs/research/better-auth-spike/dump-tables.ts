// Prints the tables/columns better-auth expects for the spike's plugin set (what the CLI generator would emit).
import { getAuthTables } from '@better-auth/core/db';
import { magicLink, organization, twoFactor } from 'better-auth/plugins';

const tables = getAuthTables({
  plugins: [twoFactor(), magicLink({ sendMagicLink: async () => {} }), organization({ dynamicAccessControl: { enabled: true } })],
  rateLimit: { storage: 'database' },
} as never);
for (const [key, t] of Object.entries(tables)) {
  console.log(`\n${key} (modelName ${t.modelName})`);
  for (const [f, a] of Object.entries(t.fields as Record<string, any>)) {
    const bits = [a.type, a.required ? 'required' : 'optional', a.unique ? 'unique' : '', a.index ? 'index' : '', a.references ? `-> ${a.references.model}.${a.references.field} ${a.references.onDelete ?? ''}` : '', a.defaultValue !== undefined ? 'default' : '', a.bigint ? 'bigint' : ''].filter(Boolean);
    console.log(`  ${f}: ${bits.join(' ')}`);
  }
  if ((t as any).indexes?.length) console.log('  indexes', JSON.stringify((t as any).indexes));
}
