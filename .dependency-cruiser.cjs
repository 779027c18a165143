/**
 * Import boundaries (DESIGN §3), checked by `npm run boundaries` as part of `npm test`.
 * @type {import('dependency-cruiser').IConfiguration}
 */
const WEB = '^src/(web/|modules/[^/]+/web/)';
const PUBLIC_MODULE_FILES = '^src/modules/[^/]+/(contract|index|module)\\.ts$';

module.exports = {
  forbidden: [
    {
      name: 'server-not-to-web',
      comment: 'Server code (kernel, server, demo, module back ends) never imports the dashboard.',
      severity: 'error',
      from: { path: '^src/', pathNot: WEB },
      to: { path: WEB },
    },
    {
      name: 'web-not-to-server',
      comment: 'The dashboard imports only web code and modules’ contract.ts files, never server code.',
      severity: 'error',
      from: { path: WEB },
      to: { path: '^src/', pathNot: [WEB, '^src/modules/[^/]+/contract\\.ts$'] },
    },
    {
      name: 'kernel-knows-no-module',
      comment: 'The kernel holds mechanisms only; it never imports modules, the server or the demo.',
      severity: 'error',
      from: { path: '^src/kernel/' },
      to: { path: '^src/(modules|server|demo)/' },
    },
    {
      name: 'module-not-to-other-module-internals',
      comment: 'A module reaches another only through its contract.ts or its public index.ts.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '^src/modules/[^/]+/schema\\.ts$' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(contract|index)\\.ts$'],
      },
    },
    {
      name: 'schema-references-schema-only',
      comment:
        'A table may reference another module’s table (a foreign key), so schema.ts may import another schema.ts, nothing else of it.',
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/schema\\.ts$' },
      to: {
        path: '^src/modules/[^/]+/',
        pathNot: ['^src/modules/$1/', '^src/modules/[^/]+/(contract|index|schema)\\.ts$'],
      },
    },
    {
      name: 'app-uses-module-public-files',
      comment: 'The server and the demo use a module through its manifest, contract or public index.',
      severity: 'error',
      from: { path: '^src/(server|demo)/' },
      to: { path: '^src/modules/[^/]+/', pathNot: PUBLIC_MODULE_FILES },
    },
    {
      name: 'registry-lists-manifests',
      comment: 'The registry imports module manifests and nothing else from modules.',
      severity: 'error',
      from: { path: '^src/modules/registry\\.ts$' },
      to: { path: '^src/modules/[^/]+/', pathNot: '^src/modules/[^/]+/module\\.ts$' },
    },
    {
      name: 'no-circular',
      comment: 'Runtime import cycles; type-only cycles are erased at compile time and allowed.',
      severity: 'error',
      from: { path: '^src/', pathNot: '\\.test\\.ts$' },
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist)/|routeTree\\.gen\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.js', '.json'] },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
