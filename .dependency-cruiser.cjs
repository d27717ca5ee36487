// The layer rules of docs/architecture.md: imports point downward only.
// core < model < {scenario, engine} < stages < run < analysis < io < faces (cli, server, web).
// Test files are checked too, by the rules of the code beside them, with three narrow allowances
// (each rule says which): tests run in Node only; a stage's tests may build their world as a run
// does (a scenario parsed, assembled, run and measured, through those layers' public faces); a
// reader's tests may check what it reads against the code above that uses it (round trips). No
// test reaches into another layer's files.
const STAGES = ['threats', 'sensors', 'tracking', 'c2', 'defenders', 'metrics'];
const TEST = '\\.test\\.ts$';
const FACES_FOR_TESTS = `^src/(scenario|run|${STAGES.join('|')})/index\\.ts$`;
const stageRules = STAGES.flatMap((stage) => [
  {
    name: `stage-${stage}-isolated`,
    comment: `${stage}/ is a stage: it may import core, model and engine, never another stage or anything above.`,
    severity: 'error',
    from: { path: `^src/${stage}/`, pathNot: TEST },
    to: { path: '^src/', pathNot: [`^src/(core|model|engine|${stage})/`] },
  },
  {
    name: `stage-${stage}-tests`,
    comment: `${stage}/ tests may also build a world as a run does: parse (scenario/), assemble and run (run/), measure (metrics/), by their index.ts only.`,
    severity: 'error',
    from: { path: `^src/${stage}/.*${TEST}` },
    to: { path: '^src/', pathNot: [`^src/(core|model|engine|${stage})/`, FACES_FOR_TESTS] },
  },
]);

module.exports = {
  forbidden: [
    {
      name: 'core-is-the-floor',
      severity: 'error',
      from: { path: '^src/core/' },
      to: { path: '^src/', pathNot: '^src/core/' },
    },
    {
      name: 'model-only-core',
      severity: 'error',
      from: { path: '^src/model/' },
      to: { path: '^src/', pathNot: '^src/(core|model)/' },
    },
    {
      name: 'scenario-pure',
      severity: 'error',
      from: { path: '^src/scenario/', pathNot: TEST },
      to: { path: '^src/', pathNot: '^src/(core|model|scenario)/' },
    },
    {
      name: 'scenario-tests-round-trip',
      comment:
        'Reader tests may check what they read against its user (a WTA instance solved by c2, GeoJSON against the export in run/), by index.ts only.',
      severity: 'error',
      from: { path: `^src/scenario/.*${TEST}` },
      to: { path: '^src/', pathNot: ['^src/(core|model|scenario)/', FACES_FOR_TESTS] },
    },
    {
      name: 'engine-knows-no-domain',
      severity: 'error',
      from: { path: '^src/engine/' },
      to: { path: '^src/', pathNot: '^src/(core|model|engine)/' },
    },
    ...stageRules,
    {
      name: 'stage-internals-are-private',
      comment:
        'Above the stages, a stage is used through its index.ts (its registry and public face), never its files; run/ wires them.',
      severity: 'error',
      from: { path: '^src/(analysis|io|cli|server|web|api)/' },
      to: { path: `^src/(${STAGES.join('|')})/`, pathNot: `^src/(${STAGES.join('|')})/index\\.ts$` },
    },
    {
      name: 'run-below-analysis',
      severity: 'error',
      from: { path: '^src/run/' },
      to: { path: '^src/(analysis|io|cli|server|web)/' },
    },
    {
      name: 'analysis-below-io',
      severity: 'error',
      from: { path: '^src/analysis/' },
      to: { path: '^src/(io|cli|server|web)/' },
    },
    {
      name: 'io-below-faces',
      severity: 'error',
      from: { path: '^src/io/' },
      to: { path: '^src/(cli|server|web)/' },
    },
    {
      name: 'api-is-a-face',
      comment:
        'api/ is what other programs import: nothing inside imports it (its tests in test/ use it as they do).',
      severity: 'error',
      from: { pathNot: '^(src/api|test)/' },
      to: { path: '^src/api/' },
    },
    {
      name: 'web-uses-the-pure-layers',
      comment:
        "The browser console may use core, model, scenario, run (which it runs in a worker) and the stages' public faces, nothing else.",
      severity: 'error',
      from: { path: '^src/web/' },
      to: {
        path: '^src/',
        pathNot: [`^src/(core|model|scenario|run|web)/`, `^src/(${STAGES.join('|')})/index\\.ts$`],
      },
    },
    {
      name: 'no-node-builtins-below-io',
      comment:
        'Everything up to analysis runs in a browser too: files, clock and environment belong to io/. Tests run in Node only and may read their fixtures.',
      severity: 'error',
      from: {
        path: '^src/(core|model|scenario|engine|threats|sensors|tracking|c2|defenders|metrics|run|analysis|web)/',
        pathNot: TEST,
      },
      to: { dependencyTypes: ['core'] },
    },
    {
      name: 'no-circular',
      comment: 'A type-only import vanishes at run time and closes no cycle.',
      severity: 'error',
      from: {},
      to: { circular: true, viaOnly: { dependencyTypesNot: ['type-only'] } },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: {
      exportsFields: ['exports'],
      conditionNames: ['import', 'require', 'node', 'default'],
      extensions: ['.ts', '.js'],
    },
  },
};
