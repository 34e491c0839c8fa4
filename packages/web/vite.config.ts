import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin } from 'vite';

const zodJitless = fileURLToPath(new URL('./src/zod-jitless.ts', import.meta.url));

/**
 * Every `import … from 'zod'` outside zod-jitless.ts resolves to zod-jitless.ts, which configures zod and
 * re-exports it: a module runs after the modules it imports, so no contract module can build a schema before
 * `z.config({ jitless: true })` ran, whichever chunk or page loads zod first (the first page does not).
 */
export function zodThroughJitless(): Plugin {
  return {
    name: 'kadr-zod-through-jitless',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source !== 'zod' || importer === undefined || importer === zodJitless) return null;
      return zodJitless;
    },
  };
}

/**
 * index.html preloads the app's start (src/app/start.tsx) and every chunk it imports statically. main.tsx is a
 * small chunk that starts the page's requests and then imports the start (ADR 0016): without these tags the
 * browser would ask for the app's code only when main.tsx has run, one round trip later than for a static import.
 */
export function startChunkPreloads(): Plugin {
  return {
    name: 'kadr-start-chunk-preloads',
    transformIndexHtml: {
      order: 'post',
      handler(html, context) {
        const bundle = context.bundle;
        if (!bundle) return html; // the dev server: modules load one by one anyway
        const chunks = Object.values(bundle).filter((c) => c.type === 'chunk');
        const start = chunks.find((c) => c.facadeModuleId?.endsWith('/src/app/start.tsx'));
        if (!start) throw new Error('kadr-start-chunk-preloads: no chunk for src/app/start.tsx');
        const files: string[] = [];
        const visit = (fileName: string) => {
          if (files.includes(fileName)) return;
          files.push(fileName);
          for (const imported of chunks.find((c) => c.fileName === fileName)?.imports ?? []) visit(imported);
        };
        visit(start.fileName);
        return files
          .filter((file) => !html.includes(`/${file}"`))
          .map((file) => ({
            tag: 'link',
            attrs: { rel: 'modulepreload', crossorigin: true, href: `/${file}` },
            injectTo: 'head' as const,
          }));
      },
    },
  };
}

/**
 * Vendor groups: each becomes its own chunk, so no single file grows past a few hundred kB.
 * Earlier groups win; a group also takes the dependencies of its modules, so zrender comes before echarts.
 * Mantine has no group on purpose: one Mantine chunk held every component of every page (109 kB gzip)
 * and the first page had to load it all; split by use, the sign-in page loads only what it shows.
 */
const vendorGroups: { name: string; test: RegExp }[] = [
  { name: 'zrender', test: /node_modules[\\/]zrender[\\/]/ },
  { name: 'echarts', test: /node_modules[\\/]echarts[\\/]/ },
  { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
  { name: 'tanstack', test: /node_modules[\\/]@tanstack[\\/]/ },
  { name: 'i18n', test: /node_modules[\\/](i18next|react-i18next)[\\/]/ },
  // zod-jitless.ts (through which every import of zod resolves: zodThroughJitless) goes with zod. The contracts'
  // schemas are not grouped: each page's chunk takes the contract
  // modules it uses, so the sign-in page loads the auth schemas only (@kadr/contracts/auth), not all of them.
  { name: 'zod', test: /node_modules[\\/]zod[\\/]|[\\/]src[\\/]zod-jitless\.ts$/ },
];

/**
 * Kadr web client build. The root script runs `vite build packages/web`; the output lands in
 * packages/web/dist, which the server serves at / with an SPA fallback to index.html.
 * The dev server proxies /api to the API on port 3000.
 */
export default defineConfig({
  plugins: [zodThroughJitless(), react(), startChunkPreloads()],
  server: {
    proxy: { '/api': { target: 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    chunkSizeWarningLimit: 500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: vendorGroups.map((g) => ({ name: g.name, test: g.test })),
        },
      },
    },
  },
});
