import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  root: here('.'),
  resolve: { alias: { '@web': here('./src') } },
  test: { include: ['src/**/*.test.{ts,tsx}', 'test/**/*.test.ts'], environment: 'node' },
});
