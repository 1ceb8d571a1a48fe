// phonedesk's dependency rules, checked by `npm run lint` (depcruise src dialogs). docs/lint.md explains each one.
// Paths are relative to the repository root; a folder that does not exist yet (src/snapshot, src/methods) simply
// matches nothing until it does.

/** The layers, innermost first. A module may import its own layer and those before it, never one after it. */
const LAYERS = [
  { name: 'time-phone-secret', paths: ['^src/time/', '^src/phone/', '^src/secret/'] },
  { name: 'snapshot', paths: ['^src/snapshot/'] },
  { name: 'graph', paths: ['^src/graph/'] },
  { name: 'audit-log', paths: ['^src/audit/', '^src/log/'] },
  { name: 'methods', paths: ['^src/methods/'] },
  { name: 'diagnosis-access-number-index', paths: ['^src/diagnosis/', '^src/access/', '^src/number-index/'] },
  { name: 'changes', paths: ['^src/changes/'] },
  { name: 'storage', paths: ['^src/storage/'] },
  { name: 'cards', paths: ['^src/cards/'] },
  { name: 'checks-understanding', paths: ['^src/checks/', '^src/bot/understanding/'] },
  // Many changes under one approval (a store's move to badges), run as durable jobs.
  { name: 'jobs', paths: ['^src/jobs/'] },
  // What the dialogs and the bot's routes share (finding the worker, asking for a change), below both.
  { name: 'conversation', paths: ['^src/conversation/'] },
  { name: 'dialogs', paths: ['^dialogs/'] },
  { name: 'bot', paths: ['^src/bot/(?!understanding/)'] },
  { name: 'server', paths: ['^src/server/'] },
  // The root files (services.ts, index.ts, settings-or-exit.ts); config.ts and its parts are apart, below.
  { name: 'root', paths: ['^src/(?!config[a-z-]*\\.ts$)[^/]+$'] },
  { name: 'cli-launcher', paths: ['^src/cli/', '^src/launcher/'] },
];

// src/config.ts (with its parts, config-*.ts) only reads settings: anything may import it, and it imports only these
// (and node builtins, npm): pure helpers, and the access rules whose settings (manager scope) it checks.
const CONFIG = '^src/config[a-z-]*\\.ts$';
const CONFIG_MAY_IMPORT = [CONFIG, '^src/time/', '^src/phone/', '^src/access/access-policy\\.ts$'];

const SIMULATOR = '^src/simulator/';
const STARTS_THE_SIMULATOR = '^src/launcher/';

// Pure modules compute; they never reach a disk, a socket, a database or a logger (types from them are fine).
const PURE = [
  '^src/cards/',
  '^src/diagnosis/',
  '^src/phone/',
  '^src/time/',
  '^src/secret/',
  '^src/snapshot/',
  '^src/access/access-policy\\.ts$',
];
const IO_BUILTINS = [
  'fs',
  'fs/promises',
  'net',
  'http',
  'https',
  'http2',
  'child_process',
  'worker_threads',
  'dgram',
  'tls',
  'dns',
];
const IO = [
  `^(node:)?(${IO_BUILTINS.join('|')})$`,
  '(^|/)node_modules/(better-sqlite3|pino)/',
  '^src/log/',
  '^src/storage/',
  '^src/graph/',
];

// Our own code: rules about folders leave node builtins and npm packages (resolved or types-only) alone.
const OWN = '^(src|dialogs|bench|test)/';

/** One rule per layer but the last: nothing in it may import a later layer (or a folder that is in no layer). */
function layerRules() {
  return LAYERS.slice(0, -1).map((layer, index) => ({
    name: `layers-point-inward:${layer.name}`,
    severity: 'error',
    comment: `${layer.name} may import only itself and ${
      LAYERS.slice(0, index)
        .map((l) => l.name)
        .join(', ') || 'nothing inner'
    }`,
    from: { path: layer.paths },
    // The simulator is left to simulator-isolated, so that each wrong import is reported once.
    to: { path: OWN, pathNot: [...LAYERS.slice(0, index + 1).flatMap((l) => l.paths), CONFIG, SIMULATOR] },
  }));
}

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'No import cycle between modules, type-only imports included: a cycle means two modules are one.',
      from: {},
      to: { circular: true },
    },
    {
      name: 'simulator-isolated',
      severity: 'error',
      comment: 'Production code never imports the simulated tenant; only the launcher, which starts it, may.',
      from: { pathNot: [SIMULATOR, STARTS_THE_SIMULATOR] },
      to: { path: SIMULATOR },
    },
    {
      name: 'simulator-self-contained',
      severity: 'error',
      comment: 'The simulator is a Graph of its own: it imports node builtins and npm packages, no production code.',
      from: { path: SIMULATOR },
      to: { path: OWN, pathNot: SIMULATOR },
    },
    ...layerRules(),
    {
      name: 'in-a-layer',
      severity: 'error',
      comment: 'Every folder of src/ has a layer: add a new one to LAYERS in .dependency-cruiser.cjs.',
      from: { path: '^src/', pathNot: [...LAYERS.flatMap((l) => l.paths), CONFIG, SIMULATOR] },
      to: {},
    },
    {
      name: 'config-is-a-leaf',
      severity: 'error',
      comment: 'src/config.ts is imported from everywhere, so it imports only node builtins, npm and pure helpers.',
      from: { path: CONFIG },
      to: { path: OWN, pathNot: [...CONFIG_MAY_IMPORT, SIMULATOR] },
    },
    {
      name: 'pure-modules-no-io',
      severity: 'error',
      comment:
        'Pure modules (cards, diagnosis, phone, time, snapshot, access-policy) do no I/O; type imports are fine.',
      from: { path: PURE },
      to: { path: IO, dependencyTypesNot: ['type-only'] },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
