import { awscdk, javascript, JsonFile } from 'projen';

// The floor is the first aws-cdk-lib whose L1s have everything the constructs write: `CfnVPCEndpoint`'s
// `DnsOptions.PrivateDnsPreference` (2.269.0) and, before it, `CfnVPCEndpointService`'s `privateDnsName` (2.268.0).
// `CfnResourceConfiguration.cidrResource` (2.273.0) is not needed: the README says why CIDR resources are left out.
// Development uses a current release.
const CDK_FLOOR = '2.269.0';
const CDK_DEV = '2.276.0';
const CONSTRUCTS_FLOOR = '10.5.1';
// aws-cdk-lib needs Node.js 20 and jsii, jsii-rosetta 20.16; CI (.ci/run) runs Node.js 20.
const NODE_FLOOR = '20.16.0';

const project = new awscdk.AwsCdkConstructLibrary({
  name: 'cdk-private-endpoints',
  description: 'AWS CDK constructs for private egress VPCs, PrivateLink endpoint services and their consumers, validated at synth time.',
  author: 'cdk-private-endpoints maintainers',
  authorAddress: 'maintainers@example.com',
  repositoryUrl: 'https://github.com/cdk-private-endpoints/cdk-private-endpoints.git',
  keywords: ['aws-cdk', 'cdk', 'vpc-endpoint', 'privatelink', 'vpc', 'networking'],
  defaultReleaseBranch: 'main',
  projenrcTs: true,
  packageManager: javascript.NodePackageManager.NPM,
  minNodeVersion: NODE_FLOOR,
  workflowNodeVersion: '20.x',
  // commit-and-tag-version 13 (the release `bump` task) and its conventional-changelog packages need Node.js 22.
  bumpPackage: 'commit-and-tag-version@^12',

  cdkVersion: CDK_FLOOR,
  constructsVersion: CONSTRUCTS_FLOOR,
  peerDependencyOptions: { pinnedDevDependency: false },
  jsiiVersion: '~6.0.0',

  // Every jsii language, named as cdklabs libraries name theirs (cdk-nag, cdk-monitoring-constructs).
  publishToPypi: {
    distName: 'cdk-private-endpoints',
    module: 'cdk_private_endpoints',
  },
  publishToMaven: {
    mavenGroupId: 'io.github.cdk-private-endpoints',
    mavenArtifactId: 'cdk-private-endpoints',
    javaPackage: 'io.github.cdk_private_endpoints',
  },
  publishToNuget: {
    packageId: 'CdkPrivateEndpoints',
    dotNetNamespace: 'CdkPrivateEndpoints',
  },
  publishToGo: {
    moduleName: 'github.com/cdk-private-endpoints/cdk-private-endpoints-go',
    packageName: 'cdkprivateendpoints',
  },
  devDeps: [
    `aws-cdk-lib@${CDK_DEV}`,
    'cdk-nag@^2',
    // cdk-nag 3 checks the synthesized template rather than the construct tree; tests run both majors.
    'cdk-nag3@npm:cdk-nag@^3',
    // An optional peer of ts-jest that jest 29 does not hoist; without it ts-jest cannot load.
    'jest-util@^29',
    // Property-based tests (test/properties/): the generators use fast-check, the tests its jest binding.
    'fast-check@^4',
    '@fast-check/jest@^2',
  ],

  jestOptions: {
    jestVersion: '^29', // jest 30 resolves modules with unrs-resolver: see eslint-import-resolver-typescript below
    // projen's default `jest --updateSnapshot` rewrites snapshots instead of failing on a diff;
    // `npx projen test:update` updates them on purpose.
    updateSnapshot: javascript.UpdateSnapshot.NEVER,
    jestConfig: {
      setupFilesAfterEnv: ['<rootDir>/test/setup.ts'],
      testMatch: ['<rootDir>/test/**/*.test.ts'],
      // One worker per core, each replaced after a test file once its heap holds more than 300 MB. On 2 cores jest's
      // default is a single process running every file: it grew to 7.5 GB, and a file that takes 1 s alone took 6 in it.
      maxWorkers: 2,
      workerIdleMemoryLimit: '300MB',
      // V8's coverage kept every test file's copy of aws-cdk-lib alive (2.7 GB per worker) and cost a third of the run's
      // time; `npx projen test:coverage` measures it on purpose.
      collectCoverage: false,
      collectCoverageFrom: ['src/**/*.ts'],
    },
  },
  eslintOptions: {
    dirs: ['src'],
    devdirs: ['test', 'examples', 'bench'],
    // The test task only checks; `npx projen eslint:fix` rewrites.
    commandOptions: { fix: false },
  },

  gitignore: ['cdk.out/', '.jsii.tabl.json'],
  npmIgnoreOptions: { ignorePatterns: ['/examples/', '/bench/', '/rosetta/', 'cdk.out/', '/.ci/', '/tsconfig.dev.json'] },
});

// Later majors resolve modules with unrs-resolver, whose per-platform optional packages this machine's npm (lock
// files without registry URLs) leaves out of package-lock.json, which then fails `npm ci`. projen adds the
// resolver unversioned, so its range is set here, after construction.
project.deps.removeDependency('eslint-import-resolver-typescript');
project.addDevDeps('eslint-import-resolver-typescript@~3.8.0');

project.addTask('test:coverage', {
  description: 'Runs the tests with a coverage report of src/ (coverage/)',
  exec: 'jest --ci --coverage',
  receiveArgs: true,
});

// Jest prints nothing between files outside a terminal: this prints how many files and tests are done after each file.
project.jest!.addReporter(new javascript.JestReporter('<rootDir>/test/progress-reporter.js'));
project.addTask('eslint:fix', {
  description: 'Runs eslint and fixes what it can',
  steps: [{ spawn: 'eslint', args: ['--fix'] }],
});

// projen's constructs dependency replaces a dev dependency with the peer one; jsii wants both.
project.addDevDeps(`constructs@${CONSTRUCTS_FLOOR}`);

// The reachability proof's command line: `npx cdk-private-endpoints prove [cdk.out]`.
project.addBins({ 'cdk-private-endpoints': 'lib/prove/main.js' });

// examples/ and bench/ are linted like tests: each gets a tsconfig that extends the tests' one.
for (const dir of ['examples', 'bench']) {
  new JsonFile(project, `${dir}/tsconfig.json`, {
    obj: { extends: '../test/tsconfig.json', include: ['**/*.ts'] },
  });
}

// ts-jest, ts-node --transpile-only and eslint check no types (the tests' tsconfig sets isolatedModules), so the
// test task type-checks tests, examples and bench in one program; jsii checks src/.
new JsonFile(project, 'tsconfig.dev.json', {
  obj: { extends: './test/tsconfig.json', include: ['test/**/*.ts', 'examples/**/*.ts', 'bench/**/*.ts'] },
});
const typecheck = project.addTask('typecheck', {
  description: 'Type-checks tests, examples and bench',
  exec: 'tsc --noEmit -p tsconfig.dev.json',
});
project.testTask.prependSpawn(typecheck);

// The README's first command: synthesize the example app into cdk.out/ and print a summary per stack. Type-checking
// took two thirds of its time and 1.3 GB of memory; the test task does it instead.
project.addTask('example', {
  description: 'Synthesizes the example app (examples/) into cdk.out/ and prints a summary per stack',
  exec: 'ts-node --transpile-only --project examples/tsconfig.json examples/app.ts',
});

// With --expose-gc the benchmark collects garbage before each timed run (bench/measure.ts). Compiled JavaScript gave
// the same ratios as ts-node, within their spread, so it runs under ts-node.
project.addTask('bench', {
  description: 'Compares synth time and template size against hand-written aws-cdk-lib equivalents',
  env: { TS_NODE_PROJECT: 'bench/tsconfig.json' },
  exec: 'node --expose-gc --require ts-node/register bench/run.ts',
});

// The property tests (test/properties/) run 500 configurations per construct in `npm test`; this runs 1,500, as CI does
// once. More: `PROPERTY_RUNS=20000 npx jest test/properties`.
project.addTask('test:properties:long', {
  description: 'Runs the property tests with 1,500 configurations per construct',
  env: { PROPERTY_RUNS: '1500' },
  exec: 'jest --ci test/properties',
});

// The logical-ID contract (test/logical-ids.test.ts) fails on logical IDs it does not list; this adds new ones to
// test/logical-ids.json (it never drops or rewrites an existing one).
project.addTask('test:logical-ids:update', {
  description: 'Adds the logical IDs of new resources of the contract stacks to test/logical-ids.json',
  env: { UPDATE_LOGICAL_IDS: 'true' },
  exec: 'jest --ci --coverage=false test/logical-ids.test.ts',
});

// jsii warns (JSII6) when the aws-cdk-lib development version is not the peer floor. The development version is the
// current release on purpose: users run current releases, and `test:floor` runs the tests that synthesize against the
// floor.
const JSII_FLAGS = '--silence-warnings=reserved-word --silence-warnings=metadata/missing-dev-dependency';
project.compileTask.reset(`jsii ${JSII_FLAGS}`);
project.tasks.tryFind('watch')!.reset(`jsii -w ${JSII_FLAGS}`);

// Every README snippet must compile (strict) against the fixture in rosetta/. The tablet it writes, with the
// snippets translated to every jsii language, ships next to .jsii, where Construct Hub's transliteration reads it.
project.postCompileTask.exec('jsii-rosetta extract --strict');
project.npmignore?.include('.jsii.tabl.json');

// projen's `package` builds every language outside CI (CI unset), which needs the JDK, Maven, Python, .NET and Go;
// the build packages JavaScript only, and `package-all` (or `package:<language>`) builds the others where their
// toolchain is installed.
project.packageTask.reset();
project.packageTask.spawn(project.tasks.tryFind('package:js')!);

// The tests against the peer floor: aws-cdk-lib and constructs at their lowest supported versions, installed outside
// package.json and mapped over the development versions. The types stay those of the development version (the test
// task checks them); this run checks the behaviour, the constructs' snapshots included.
const floorDir = 'node_modules/.cache/cdk-floor';
const floorModules = {
  '^aws-cdk-lib(/.*)?$': `<rootDir>/${floorDir}/node_modules/aws-cdk-lib$1`,
  '^constructs$': `<rootDir>/${floorDir}/node_modules/constructs`,
};
project.addTask('test:floor', {
  description: `Runs the tests that synthesize against aws-cdk-lib ${CDK_FLOOR} and constructs ${CONSTRUCTS_FLOOR}`,
  // The property runs turn aws-cdk-lib's own template validation off with an App prop that the floor does not have yet
  // (they check templates against the resource schemas themselves, test/schema.ts); its environment variable works in
  // both versions.
  env: { CDK_VALIDATION: 'false' },
  steps: [
    {
      exec: `npm install --prefix ${floorDir} --no-save --no-package-lock --no-audit --no-fund `
        + `aws-cdk-lib@${CDK_FLOOR} constructs@${CONSTRUCTS_FLOOR}`,
    },
    // What can differ at the floor is what aws-cdk-lib synthesizes, so the tests of pure functions over plain data
    // (facts, rules, cost models) are not repeated. The integration apps are environment-agnostic, so their snapshots
    // carry aws-cdk-lib's table of Regions (the mapping of endpoint service name prefixes), which grows with each
    // release: they are checked with the development version only. The property runs (random configurations, two
    // thirds of the suite's time) run once, with the development version: each construct's tests and snapshots, which
    // synthesize every resource and rule the properties reach, are what the floor repeats.
    {
      exec: "jest --ci --testPathIgnorePatterns /node_modules/ test/integ.test.ts 'test/private/(facts|rules|cost)/' test/properties/ "
        + `--moduleNameMapper='${JSON.stringify(floorModules)}'`,
    },
  ],
});

project.synth();
