/**
 * The module layering of STYLE.md ("Layout"), checked: `npm run check:deps` (a step of scripts/test.sh).
 *
 * 1. The chain. Each feature module under src/modules/ has a place in CHAIN below and imports only
 *    the modules below it: those CHAIN lists for it, and what those may import in turn. A reaction
 *    that has to flow back up goes through the outbox or a hook the lower module offers (as
 *    applications' deletion hooks), never an upward import and never `forwardRef`.
 * 2. A module's public surface. Another module imports only these files of it:
 *    - `<module>.module.ts`, to list the Nest module in its `imports`;
 *    - `*.errors.ts`, its error codes;
 *    - `domain/**`, its pure rules and their types;
 *    - `dto/**`, its request and response shapes;
 *    - `*-query.service.ts`, the reads it offers (another module reads its tables through these), and
 *      `*.read-model.ts`, named reporting SQL that says which tables it reads;
 *    - the files CHAIN lists as its `exports`: the services whose classes its Nest module exports for
 *      others to call, and the decorators and interceptors it offers for others' routes;
 *    - `entities/*.entity.ts` as types only (`import type`, or names used only as types), except in
 *      the importer's own `entities/` files, where an entity class is a TypeORM relation target.
 *    Never its repositories, controllers, other services or helpers: those are its internals.
 * 3. The layers under the modules (common/, config/, database/, queue/, redis/) import no feature
 *    module (features register with them: entities through the wiring, schedules with `@Scheduled`).
 * 4. `domain/` folders are pure: they import neither Nest nor TypeORM, and at run time nothing but
 *    other `domain/` files, so neither can come in through them.
 * 5. The wiring at the top (main.ts, worker.ts, cli.ts, data-source.ts, app.module.ts,
 *    worker.module.ts, entities.ts, configure-app.ts, seed/) assembles everything and may import any
 *    of it; nothing under it imports the wiring.
 *
 * Type-only imports count (an upward `import type` is still an upward dependency). Unit specs beside
 * the code are not checked. Import cycles are checked by madge (`npm run check:cycles`).
 */

/**
 * Each feature module: the modules directly below it that it may import (with theirs, transitively),
 * the files beyond the common public surface it offers to others, and why it sits where it does.
 */
const CHAIN = {
  audit: {
    below: [],
    exports: ['audit.service.ts'],
    why: 'Shared: every state change writes its audit event; it depends on none of the chain.',
  },
  'stored-files': {
    below: [],
    exports: ['stored-files.service.ts', 'incoming-file.ts', 'attachment-too-large.interceptor.ts'],
    why: 'Shared: checked uploads, limits, storage and compensating deletes for application attachments and award files; it depends on none of the chain.',
  },
  users: {
    below: ['audit'],
    exports: ['users.service.ts', 'password-hasher.ts'],
    why: 'The root of the chain: people, roles and their languages.',
  },
  notifications: {
    below: ['users', 'audit'],
    exports: ['outbox.service.ts'],
    why: 'Shared by every module above users. The outbox addresses a person (the recipient is a user, read at send time for their address and language), so it sits just above users; users sends nothing.',
  },
  idempotency: {
    below: ['users'],
    exports: ['idempotency.service.ts', 'idempotency-key.decorator.ts', 'idempotent-response.interceptor.ts'],
    why: 'Shared by the endpoints that move money: an Idempotency-Key belongs to the user who sent it.',
  },
  auth: {
    below: ['users', 'notifications'],
    exports: [],
    why: 'users <- auth: sign-in, tokens and account links; a branch of its own that nothing imports.',
  },
  geography: {
    below: ['users', 'notifications'],
    exports: [],
    why: 'users <- geography: regions, districts and villages.',
  },
  plans: {
    below: ['geography'],
    exports: [],
    why: 'Part of geography in the chain: a village development plan belongs to a village.',
  },
  competitions: {
    below: ['plans'],
    exports: ['competition-status.service.ts'],
    why: 'geography (regions, districts, villages, plans) <- competitions.',
  },
  ledger: {
    below: ['competitions'],
    exports: ['ledger.service.ts'],
    why: 'The double-entry ledger of a competition and its awards; awards commit and disbursements pay through it, so it sits below awards (an account names its award by foreign key only).',
  },
  applications: {
    below: ['competitions'],
    exports: ['application-deletion-hooks.ts', 'application-status.service.ts'],
    why: 'competitions <- applications; modules that hang data off an application clean up through its deletion hooks.',
  },
  attachments: {
    below: ['applications', 'stored-files'],
    exports: [],
    why: "An application's files: above applications (whose access rules it applies), below reviews (jurors read them).",
  },
  reviews: {
    below: ['attachments'],
    exports: [],
    why: 'applications <- reviews: rounds, jurors, assignment, scoring and results.',
  },
  awards: {
    below: ['reviews', 'ledger', 'idempotency'],
    exports: ['tranche-lifecycle.service.ts', 'grantee-mail.ts'],
    why: "reviews <- awards: allocation, decisions, offers, tranches and milestone reports; the tranche lifecycle is the awards module's, disbursements call it.",
  },
  disbursements: {
    below: ['awards', 'idempotency'],
    exports: [],
    why: 'awards <- disbursements: payments of approved tranches; the top of the chain.',
  },
  'funding-reports': {
    below: ['disbursements'],
    exports: [],
    why: 'disbursements <- funding-reports: reporting over the whole chain, in SQL of its own; nothing imports it.',
  },
  'staff-tasks': {
    below: ['notifications'],
    exports: [],
    why: 'Staff\'s "my tasks" counts and their daily digest: a read model over the chain\'s tables in SQL of its own (it says which), and the outbox for the mail; nothing imports it.',
  },
  'open-data': {
    below: ['applications'],
    exports: [],
    why: 'Public reads and the 360Giving export: its repository reads awards, payments and places in SQL of its own, so it imports nothing above applications (whose status names it shows); nothing imports it.',
  },
  health: {
    below: [],
    exports: [],
    why: 'Readiness probe of PostgreSQL and Redis; it knows no feature module.',
  },
};

const escape = (text) => text.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&');

/** A module and every module below it, following `below` down the chain. */
function reachableFrom(name, seen = new Set()) {
  if (!CHAIN[name]) throw new Error(`.dependency-cruiser.js: "${name}" is not in CHAIN`);
  if (seen.has(name)) return seen;
  seen.add(name);
  for (const lower of CHAIN[name].below) reachableFrom(lower, seen);
  return seen;
}

/** A file in a `domain/` folder of a feature module, at any depth. */
const DOMAIN = '^src/modules/[^/]+/(|.*/)domain/';

/**
 * Shared files as pure as a domain file (no Nest, no TypeORM, no imports but each other), which
 * domain rules may use at run time: the languages and the per-language texts with their pick.
 */
const PURE_SHARED = ['^src/common/i18n/language\\.ts$', '^src/common/i18n/localized-text\\.ts$'];

const moduleDir = (name) => `^src/modules/${escape(name)}/`;

const chainRules = Object.entries(CHAIN).map(([name, { why }]) => ({
  name: `chain: ${name}`,
  comment: `${name}: ${why} It may import ${[...reachableFrom(name)].filter((m) => m !== name).join(', ') || 'no other module'}.`,
  severity: 'error',
  from: { path: moduleDir(name) },
  to: { path: '^src/modules/', pathNot: `^src/modules/(${[...reachableFrom(name)].map(escape).join('|')})/` },
}));

const publicSurfaceRules = Object.entries(CHAIN).map(([name, { exports }]) => ({
  name: `public surface: ${name}`,
  comment: `Other modules import only the public surface of ${name} (see the top of this file); its other files are internals.`,
  severity: 'error',
  from: { path: '^src/modules/', pathNot: moduleDir(name) },
  to: {
    path: moduleDir(name),
    pathNot: [
      `${moduleDir(name)}${escape(name)}\\.module\\.ts$`,
      `${moduleDir(name)}.*\\.errors\\.ts$`,
      `${moduleDir(name)}(|.*/)domain/`,
      `${moduleDir(name)}dto/`,
      `${moduleDir(name)}.*-query\\.service\\.ts$`,
      `${moduleDir(name)}.*\\.read-model\\.ts$`,
      `${moduleDir(name)}entities/[^/]+\\.entity\\.ts$`,
      ...exports.map((file) => `${moduleDir(name)}${escape(file)}$`),
    ],
  },
}));

module.exports = {
  forbidden: [
    {
      name: 'every module has a place in the chain',
      comment: `A folder under src/modules/ that CHAIN does not list: give it a place (and a reason) in .dependency-cruiser.js.`,
      severity: 'error',
      from: { path: '^src/modules/', pathNot: `^src/modules/(${Object.keys(CHAIN).map(escape).join('|')})/` },
      to: {},
    },
    ...chainRules,
    ...publicSurfaceRules,
    {
      name: 'entities of another module: types only',
      comment:
        "Another module's entity class is imported as a type only, except by this module's own entities (a TypeORM relation target). Read another module's rows through its query service.",
      severity: 'error',
      from: { path: '^src/modules/([^/]+)/', pathNot: '^src/modules/[^/]+/entities/' },
      to: {
        path: '^src/modules/[^/]+/entities/',
        pathNot: '^src/modules/$1/',
        dependencyTypesNot: ['pre-compilation-only'],
      },
    },
    {
      name: 'shared layers import no feature module',
      comment:
        'common/, config/, database/, queue/ and redis/ sit below every feature module: they import none (features register with them instead).',
      severity: 'error',
      from: { path: '^src/(common|config|database|queue|redis)/' },
      to: { path: '^src/modules/' },
    },
    {
      name: 'nothing imports the wiring',
      comment:
        'The entrypoints, the root modules, the entity list and the seed assemble the layers and modules; the layers and modules never import them back.',
      severity: 'error',
      from: { path: '^src/(modules|common|config|database|queue|redis)/' },
      to: { path: '^src/([^/]+\\.ts$|seed/)' },
    },
    {
      name: 'the web layer sits on top',
      comment:
        'src/web/ renders pages from what the modules answer; no module or layer below imports it (the guard reaches it through BROWSER_AUTHENTICATOR).',
      severity: 'error',
      from: { path: '^src/(modules|common|config|database|queue|redis)/' },
      to: { path: '^src/web/' },
    },
    {
      name: 'pages only render',
      comment:
        'A page (*.page.tsx) and the ui/ components are pure functions of their data: no services, repositories or Nest.',
      severity: 'error',
      from: { path: '^src/web/(.*\\.page\\.tsx$|ui/)' },
      to: { path: '^(src/modules/.*\\.(service|repository)\\.ts$|node_modules/(@nestjs/|typeorm/))' },
    },
    {
      name: 'domain is pure: no Nest or TypeORM',
      comment: 'domain/ holds pure rules, testable without a framework: it imports no Nest package and no TypeORM.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^node_modules/(@nestjs/|typeorm/)' },
    },
    {
      name: 'domain is pure: it imports only domain',
      comment:
        'At run time a domain/ file imports only domain/ files (of its module or, by the rules above, of a module below) and the pure shared files of PURE_SHARED, so nothing brings Nest or TypeORM in through it; types may come from anywhere allowed.',
      severity: 'error',
      from: { path: DOMAIN },
      to: { path: '^src/', pathNot: [DOMAIN, ...PURE_SHARED], dependencyTypesNot: ['pre-compilation-only'] },
    },
  ],
  options: {
    // Nest and TypeORM stay in the graph for the domain rules; other packages are left out.
    includeOnly: ['^src/', '^node_modules/(@nestjs|typeorm)/'],
    exclude: { path: '\\.spec\\.ts$' },
    tsConfig: { fileName: 'tsconfig.json' },
    // Type-only imports are dependencies too (an upward `import type` is still an upward dependency),
    // marked as such so entity classes can be allowed as types.
    tsPreCompilationDeps: 'specify',
    doNotFollow: { path: '^node_modules/' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['require', 'node', 'default'] },
  },
};
