import { defineConfig } from 'drizzle-kit';

// Generation only needs the schema; migrations are applied at start-up by drizzle's migrator.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/store/schema.ts',
  out: './drizzle',
});
