/**
 * The dependency rules `pnpm lint` enforces (dependency-cruiser). The mock server's arrows point one way:
 * serve (the adapters: Node, Hono) → control and ui (the admin API and the inbox page, framework-free) →
 * protocol (the framework-free core) → state, never back; frameworks (hono, node:http, ws) stay in the
 * adapters; no folder imports another in a cycle; and the published packages never import the apps. Test code
 * (tests, their support folders) may import across, so it is not cruised.
 */
const mock = '^apps/mock-server/src/';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-folder-cycles',
      comment:
        'Folders show the flow: two folders that import each other are one concern, or an arrow points back.',
      severity: 'error',
      scope: 'folder',
      from: {},
      to: { circular: true },
    },
    {
      name: 'no-module-cycles',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'packages-never-import-apps',
      comment: 'The published packages stand alone: an app depends on them, never the other way round.',
      severity: 'error',
      from: { path: '^packages/' },
      to: { path: '^apps/' },
    },
    {
      name: 'core-without-frameworks',
      comment: 'The protocol core and the state are plain functions and data: no Hono, no node:http.',
      severity: 'error',
      from: { path: `${mock}(protocol|state)/` },
      to: { path: ['(^|/)node_modules/(hono|@hono/)', '^(node:)?http$', '^(node:)?https$', '^(node:)?net$'] },
    },
    {
      name: 'hono-only-in-the-adapters',
      comment:
        'Hono is one adapter (serve/): the control API (control/) and the inbox page (ui/) are plain functions it mounts.',
      severity: 'error',
      from: { path: mock, pathNot: `${mock}serve/` },
      to: { path: '(^|/)node_modules/(hono|@hono/)' },
    },
    {
      name: 'node-http-only-in-serve',
      comment: 'Only the Node adapter (serve/) touches node:http and @hono/node-server.',
      severity: 'error',
      from: { path: mock, pathNot: `${mock}(serve/|cli\\.ts$)` },
      to: { path: ['^(node:)?http$', '(^|/)node_modules/@hono/node-server/'] },
    },
    {
      name: 'websocket-only-in-serve',
      comment:
        'The TMC WebSocket (ws) belongs to the Node adapter (serve/): the TMC core takes bytes in and gives bytes out.',
      severity: 'error',
      from: { path: mock, pathNot: `${mock}serve/` },
      to: { path: '(^|/)node_modules/ws/' },
    },
    {
      name: 'core-never-imports-its-callers',
      comment:
        'protocol/ and state/ never import their callers: the adapters, the admin API, the page (serve, control, ui).',
      severity: 'error',
      from: { path: `${mock}(protocol|state)/` },
      to: { path: `${mock}(serve|control|ui)/` },
    },
    {
      name: 'state-never-imports-protocol',
      severity: 'error',
      from: { path: `${mock}state/` },
      to: { path: `${mock}protocol/` },
    },
    {
      name: 'admin-api-and-page-never-import-the-adapters',
      severity: 'error',
      from: { path: `${mock}(control|ui)/` },
      to: { path: `${mock}serve/` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: {
      path: [
        '\\.test\\.tsx?$',
        '/test-support/',
        '/contract/',
        '/fuzz/',
        '^(apps|packages|tooling)/[^/]+/dist/',
        '^(apps|packages|tooling)/.*\\.d\\.ts$',
      ],
    },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['@x/source', 'import', 'default'],
      extensions: ['.ts', '.tsx', '.js', '.mjs', '.cjs', '.json'],
    },
  },
};
