import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { babelOptimizerPlugin } from '@graphql-codegen/client-preset';
import { fileURLToPath } from 'node:url';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
/**
 * The component library's bundle sets `X.displayName = '…'` at the top level for every component, a
 * write the bundler must keep, so every component of the library would ship with the first page. The
 * names only serve React's developer tools: dropping them lets unused components be left out.
 */
function componentLibraryTreeShaking(): Plugin {
  return {
    name: 'opvolging:component-library-tree-shaking',
    apply: 'build',
    transform(code, id) {
      if (!id.includes('/@utrecht/component-library-react/dist/')) return null;
      return { code: code.replace(/^[A-Za-z_$][\w$]*\.displayName = (['"])[^'"\n]*\1;$/gm, ''), map: null };
    },
  };
}

// The API that `npm run dev` proxies to.
const api = process.env.API_URL ?? 'http://localhost:3000';

export default defineConfig({
  root: here('.'),
  plugins: [
    // Each graphql(`…`) call becomes an import of its own document from src/gql/graphql.ts, so a page
    // ships only its operations instead of the map of all of them in src/gql/gql.ts.
    react({ babel: { plugins: [[babelOptimizerPlugin, { artifactDirectory: here('./src/gql'), gqlTagName: 'graphql' }]] } }),
    componentLibraryTreeShaking(),
  ],
  resolve: { alias: { '@web': here('./src') } },
  build: {
    outDir: here('../../dist/web'),
    emptyOutDir: true,
    // The manifest lets the bench measure each page's initial JavaScript.
    manifest: true,
    rollupOptions: {
      input: { main: here('index.html'), graphiql: here('graphiql.html') },
      // GraphiQL's React-compiler directives are harmless when bundled.
      onwarn(warning, warn) {
        if (warning.code !== 'MODULE_LEVEL_DIRECTIVE') warn(warning);
      },
    },
    chunkSizeWarningLimit: 4000,
  },
  server: {
    port: 5173,
    proxy: {
      // GraphiQL is part of this build; only API requests (JSON) go to the API.
      '/graphql': { target: api, changeOrigin: false },
      '/auth': { target: api, changeOrigin: false },
      '/calendar': { target: api, changeOrigin: false },
      '/exports': { target: api, changeOrigin: false },
      '/attachments': { target: api, changeOrigin: false },
    },
  },
});
