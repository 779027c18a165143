import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import tailwindcss from '@tailwindcss/vite';
import { tanstackRouter } from '@tanstack/router-plugin/vite';
import { index, physical, rootRoute, route, type VirtualRouteNode } from '@tanstack/virtual-file-routes';
import react from '@vitejs/plugin-react';
import { defineConfig, type Plugin, type ProxyOptions } from 'vite';
import { API_PATH_PREFIXES } from './src/kernel/http/reserved-paths.js';

const repoRoot = path.dirname(fileURLToPath(import.meta.url));
const webRoot = path.join(repoRoot, 'src/web');
const shellRoutesDir = path.join(webRoot, 'routes');
const modulesDir = path.join(repoRoot, 'src/modules');

const frameworkModules =
  /[\\/]node_modules[\\/](react|react-dom|scheduler|@tanstack[\\/](react-router|router-core|history|react-query|query-core|store|react-store))[\\/]/;

const apiTarget = process.env.ATRIUM_API_URL ?? 'http://localhost:3000';

function moduleIdsWithPages(): string[] {
  if (!existsSync(modulesDir)) return [];
  return readdirSync(modulesDir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(modulesDir, entry.name, 'web/routes')))
    .map((entry) => entry.name)
    .sort();
}

/**
 * The shell's own top-level pages: `src/web/routes/<name>.tsx` is `/<name>` (sign-in, account, …).
 * Pages that belong under a module's prefix live in the module instead.
 */
function shellRouteFiles(): VirtualRouteNode[] {
  return readdirSync(shellRoutesDir)
    .filter((file) => file.endsWith('.tsx') && file !== '__root.tsx' && file !== 'index.tsx')
    .sort()
    .map((file) => route(`/${file.slice(0, -'.tsx'.length)}`, file));
}

/**
 * Every module that ships pages gets them mounted at `/<moduleId>`, so adding a module folder is
 * enough to add its pages: nobody keeps a list of modules in the web app. A module whose pages are
 * top-level paths of their own (intelligence: `/customers`, `/intelligence`) says so by keeping them
 * in folders named after those paths, one of them named after the module (`web/routes/intelligence/`):
 * its `web/routes/` is then mounted at the root.
 */
function moduleRouteMounts(): VirtualRouteNode[] {
  return moduleIdsWithPages().map((moduleId) => {
    const routesDir = path.join(modulesDir, moduleId, 'web/routes');
    // The generator resolves physical directories relative to the shell's routes directory.
    const relativeDir = path.relative(shellRoutesDir, routesDir).split(path.sep).join('/');
    const topLevel = existsSync(path.join(routesDir, moduleId));
    return physical(topLevel ? '' : `/${moduleId}`, relativeDir);
  });
}

/** The mounts are computed when the config loads, so a module gaining pages needs a dev restart. */
function restartWhenModulePagesChange(): Plugin {
  return {
    name: 'atrium:module-pages',
    apply: 'serve',
    configureServer(server) {
      const mounted = moduleIdsWithPages().join(',');
      let restarting = false;
      server.watcher.add(modulesDir);
      const onDirChange = (dir: string) => {
        if (restarting || !dir.startsWith(modulesDir) || moduleIdsWithPages().join(',') === mounted) return;
        // `mkdir -p` reports each new level separately; one restart is enough.
        restarting = true;
        server.config.logger.info('module pages changed, restarting', { timestamp: true });
        void server.restart();
      };
      server.watcher.on('addDir', onDirChange);
      server.watcher.on('unlinkDir', onDirChange);
    },
  };
}

/** Anchored so that an API prefix never swallows a dashboard route (`/partner` vs `/partners`). */
function apiProxy(): Record<string, ProxyOptions> {
  return Object.fromEntries(
    API_PATH_PREFIXES.map((prefix) => [
      `^${prefix.replaceAll('.', '\\.')}(?:[/?]|$)`,
      { target: apiTarget, changeOrigin: false },
    ]),
  );
}

export default defineConfig({
  root: webRoot,
  publicDir: path.join(webRoot, 'public'),
  plugins: [
    tanstackRouter({
      target: 'react',
      routesDirectory: shellRoutesDir,
      generatedRouteTree: path.join(webRoot, 'routeTree.gen.ts'),
      autoCodeSplitting: true,
      virtualRouteConfig: rootRoute('__root.tsx', [
        index('index.tsx'),
        ...shellRouteFiles(),
        ...moduleRouteMounts(),
      ]),
    }),
    react(),
    tailwindcss(),
    restartWhenModulePagesChange(),
  ],
  resolve: {
    alias: { '@web': webRoot },
  },
  server: {
    port: 5173,
    strictPort: true,
    proxy: apiProxy(),
  },
  preview: {
    port: 5173,
    proxy: apiProxy(),
  },
  build: {
    outDir: path.join(repoRoot, 'dist/web'),
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        codeSplitting: {
          // The framework changes far less often than Atrium's own code, so it gets its own
          // long-cached chunk. Listed explicitly: a catch-all `node_modules` group would pull
          // libraries that only lazy pages use (charts, graphs) into the first load.
          groups: [{ name: 'framework', test: frameworkModules }],
        },
      },
    },
  },
});
