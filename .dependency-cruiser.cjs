/**
 * The layering of docs/ARCHITECTURE.md, held by the build (`npm run depcruise`, part of `npm test`).
 * A library may import only libraries of a lower layer. The layers, lowest first:
 */
const LAYERS = [
  ['shared', 'config'], // foundation: no library of ours
  ['database', 'access', 'mail', 'queue'], // infrastructure: no domain rules
  ['observability'], // logs, metrics, tracing
  ['health'],
  ['organisations', 'deadlines', 'conversation'], // reference data; the deadline rules and the open_deadlines view; comments and files
  ['identity'],
  ['investigations'],
  ['plans'],
  ['audits', 'enforcement', 'notifications'],
  ['history'],
  ['overviews'], // reads history's rule for drafts (changes since the last visit)
  ['exports'],
  ['demo'],
];

const LIBS = LAYERS.flat();
const alt = (names) => `(${names.join('|')})`;

const upward = LAYERS.flatMap((layer, rank) =>
  layer.map((lib) => ({
    name: `layer-${lib}`,
    comment: `libs/${lib} (layer ${rank}) may import only libraries of a lower layer (docs/ARCHITECTURE.md).`,
    severity: 'error',
    from: { path: `^libs/${lib}/` },
    to: {
      path: `^libs/${alt(
        LAYERS.slice(rank)
          .flat()
          .filter((other) => other !== lib),
      )}/`,
    },
  })),
);

module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'No import cycles, within a library or between libraries.',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    ...upward,
    {
      name: 'libs-not-above',
      comment: 'Libraries do not import the apps, the migrations or the tests: those are assembled above them.',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^(apps|migrations|test)/' },
    },
    {
      name: 'libs-known',
      comment: 'Every library has a place in LAYERS, so the layering covers it.',
      severity: 'error',
      from: { path: '^libs/', pathNot: `^libs/${alt(LIBS)}/` },
      to: {},
    },
    {
      name: 'public-entry-only',
      comment: 'Another library is imported through its index (@opvolging/<name>), not by a path into its files.',
      severity: 'error',
      from: { path: '^(libs|apps)/([^/]+)/' },
      // Tracing is the one other entry: it must load before anything it instruments, so not via the index.
      to: { path: '^libs/([^/]+)/src/', pathNot: ['^libs/$2/', '^libs/[^/]+/src/index\\.ts$', '^libs/observability/src/tracing\\.ts$'] },
    },
    {
      name: 'apps-apart',
      comment: 'An app imports libraries and apps/composition, not another app.',
      severity: 'error',
      from: { path: '^apps/([^/]+)/' },
      to: { path: '^apps/', pathNot: ['^apps/$1/', '^apps/composition/'] },
    },
    {
      name: 'no-test-code-in-product',
      severity: 'error',
      from: { path: '^(apps|libs|migrations)/' },
      to: { path: '^test/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(dist|node_modules|coverage)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'] },
  },
};

// Not part of the configuration itself: read by the test that checks docs/ARCHITECTURE.md's picture.
Object.defineProperty(module.exports, 'LAYERS', { value: LAYERS, enumerable: false });
