/**
 * The layering, checked by `npm run lint:deps` (dependency-cruiser over src/ and adapters/).
 *
 * One direction, outside in (ARCHITECTURE.md):
 *
 *   domain ← ledger ← gate ← http / stream / network / adapters / cli
 *
 * with src/server.ts, src/main.ts and src/modules.ts the composition root, and
 * src/observability/, src/errors/, src/config.ts and src/packageFile.ts shared ground every layer may use.
 * Tests (`*.test.ts`, test/), bench/, scripts/ and examples/ are not cruised: they may reach
 * anything they exercise.
 *
 * Type-only imports count: a transport that names a ledger type depends on the ledger's shape.
 *
 * Two lists carve file pairs out of the layer rules:
 * - `byDesign`: imports that are the intended shape (say why);
 * - `knownExceptions`: imports against the direction that are still in the tree. Each is also a
 *   rule of its own at severity `info`, so every run lists them; fixing one means deleting its
 *   entry. A new import against the direction fails the check.
 */

/** Our code, as dependency-cruiser names it (paths from the repository root). */
const OURS = '^(src|adapters)/';
const DOMAIN = '^src/domain/';
const LEDGER = '^src/ledger/';
const GATE = '^src/gate/';
const GROUND = ['^src/observability/', '^src/errors/', '^src/config\\.ts$', '^src/packageFile\\.ts$'];
/** The gateway module contract (src/module.ts): what the transports plug into and http mounts. */
const MODULE_CONTRACT = '^src/module\\.ts$';
const ROOTS = ['^src/server\\.ts$', '^src/main\\.ts$', '^src/modules\\.ts$'];
const TRANSPORTS = {
  http: '^src/http/',
  stream: '^src/stream/',
  network: '^src/network/',
  adapters: '^adapters/',
  cli: '^src/cli/',
};

const file = (path) => `^${path.replace(/\./g, '\\.')}$`;

/** Imports that are the intended shape, though a layer rule alone would refuse them. */
const byDesign = [
  {
    from: 'src/cli/commands/serve.ts',
    to: 'src/server.ts',
    why: '`consent-gate serve` is the gateway started from the command line: it calls the composition root.',
  },
  {
    from: 'src/cli/runtime.ts',
    to: 'src/ledger/open.ts',
    why: "The CLI's composition root: it opens the configured ledger the way src/server.ts does.",
  },
  {
    from: 'src/cli/runtime.ts',
    to: 'adapters/twilio/reassignedLookup.ts',
    why: "The CLI's composition root: `check` makes the gateway's decision, with the reassigned-number provider src/server.ts hands the gate.",
  },
  ...[
    'adapters/twilio/gatedCreate.ts',
    'adapters/twilio/webhookRoutes.ts',
    'adapters/telnyx/texmlRoutes.ts',
    'adapters/telnyx/webhookRoutes.ts',
    'adapters/telnyx/requestBody.ts',
  ].map((from) => ({
    from,
    to: 'src/http/rawBody.ts',
    why:
      'Reading a body under a limit is HTTP plumbing every HTTP transport shares; ' +
      'the carriers need the raw bytes for their signatures.',
  })),
  {
    from: 'adapters/telnyx/requestBody.ts',
    to: 'src/http/jsonDepth.ts',
    why: "The same nesting limit for a carrier's JSON as for /v1's: HTTP plumbing, not /v1 behaviour.",
  },
  {
    from: 'src/module.ts',
    to: 'src/http/route.ts',
    why: 'A module may bring /v1 routes, declared with the same route() as the API so they are mounted and documented alike.',
  },
];

/**
 * Imports against the direction that are still here (none now). Each: the file pair, and why it is
 * still here (what has to move for it to go).
 */
const knownExceptions = [];

const carveOuts = [...byDesign, ...knownExceptions];

/**
 * A layer rule without the carved-out pairs: the rule as given for every file that has no carve-out,
 * and for each file that has, the same rule minus that file's carved-out targets.
 */
function layerRule({ name, comment, from, to }) {
  const matches = (patterns, f) => [].concat(patterns ?? []).some((p) => new RegExp(p).test(f));
  const sources = [...new Set(carveOuts.map((c) => c.from))].filter((f) => matches(from.path, f) && !matches(from.pathNot, f));
  const general = {
    name,
    comment,
    severity: 'error',
    from: { ...from, pathNot: [...[].concat(from.pathNot ?? []), ...sources.map(file)] },
    to,
  };
  const perSource = sources.map((source) => ({
    name,
    comment,
    severity: 'error',
    from: { path: file(source) },
    to: {
      ...to,
      pathNot: [...[].concat(to.pathNot ?? []), ...carveOuts.filter((c) => c.from === source).map((c) => file(c.to))],
    },
  }));
  return [general, ...perSource];
}

const otherTransports = (own) => Object.entries(TRANSPORTS).filter(([name]) => name !== own).map(([, path]) => path);

const layerRules = [
  {
    name: 'domain-is-pure',
    comment:
      'The domain is pure rules: it imports nothing of ours but the domain, and packageFile to find the reference data it is built on (as it reads libphonenumber\'s tables).',
    from: { path: DOMAIN },
    to: { path: OURS, pathNot: [DOMAIN, '^src/packageFile\\.ts$'] },
  },
  {
    name: 'ground-stays-below',
    comment: 'Shared ground (observability, errors, config) is used by every layer, so it may import only the domain and itself.',
    from: { path: GROUND },
    to: { path: OURS, pathNot: [DOMAIN, ...GROUND] },
  },
  {
    name: 'ledger-below-the-gate',
    comment: 'The ledger stores and moves records: it imports only the domain and shared ground.',
    from: { path: LEDGER },
    to: { path: OURS, pathNot: [DOMAIN, LEDGER, ...GROUND] },
  },
  {
    name: 'gate-below-the-transports',
    comment: 'The gate (use cases) imports only the domain, the ledger and shared ground.',
    from: { path: GATE },
    to: { path: OURS, pathNot: [DOMAIN, LEDGER, GATE, ...GROUND] },
  },
  {
    name: 'transports-go-through-the-gate',
    comment:
      'http, stream, network, adapters and cli reach storage only through the gate, ' +
      'so every transport enforces the same rules.',
    from: { path: Object.values(TRANSPORTS) },
    to: { path: LEDGER },
  },
  ...Object.entries(TRANSPORTS).map(([own, path]) => ({
    name: 'transports-are-separate',
    comment: 'A transport does not import another; the composition root wires them (shared HTTP plumbing is listed in byDesign).',
    from: { path },
    to: { path: otherTransports(own) },
  })),
  {
    name: 'module-contract-stays-thin',
    comment: 'The gateway module contract may name the gate, the domain and shared ground, not storage or a transport.',
    from: { path: MODULE_CONTRACT },
    to: { path: [LEDGER, ...Object.values(TRANSPORTS), ...ROOTS] },
  },
  {
    name: 'every-file-has-a-layer',
    comment: 'A new directory or top-level file must be placed in a layer here first, so the rules above hold it.',
    from: { path: OURS, pathNot: [DOMAIN, LEDGER, GATE, ...GROUND, MODULE_CONTRACT, ...ROOTS, ...Object.values(TRANSPORTS)] },
    to: { path: OURS },
  },
  {
    name: 'only-the-root-is-the-root',
    comment: 'Nothing but the composition root imports it: everything else is wired by it.',
    from: { path: OURS, pathNot: ROOTS },
    to: { path: ROOTS },
  },
];

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles: each layer can be loaded, read and tested from the bottom up.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...layerRules.flatMap(layerRule),
    ...knownExceptions.map(({ name, from, to, why }) => ({
      name: `known-${name}`,
      comment: why,
      severity: 'info',
      from: { path: file(from) },
      to: { path: file(to) },
    })),
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: ['\\.test\\.ts$'] },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
  },
};
