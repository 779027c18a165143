import { defineConfig } from 'drizzle-kit';

// Each module owns its tables in src/modules/<name>/schema.ts; one SQL history gathers them.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/modules/*/schema.ts',
  out: './migrations',
  migrations: { schema: 'drizzle', table: '__drizzle_migrations' },
});
