// The project's own dependency rules (.dependency-cruiser.cjs) bite: each wrong import, written into a tiny tree
// of .ts files laid out like phonedesk's, is reported under the rule's name, and a tree that keeps them passes.
import { execFile } from 'node:child_process';
import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/processes';
import { tempDir } from '../helpers/temp-dir';

interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** A tree of files: path → lines. */
type Tree = Record<string, string[]>;

const TREES: Record<string, Tree> = {
  // Two folders of the same layer may import each other's modules, but never in a circle.
  cycle: {
    'src/access/scope.ts': ["import { finding } from '../diagnosis/finding';", 'export const scope = () => finding;'],
    'src/diagnosis/finding.ts': ["import { scope } from '../access/scope';", 'export const finding = () => scope;'],
  },
  productionImportsSimulator: {
    'src/simulator/demo-tenant.ts': ['export const DEMO_GROUPS = [];'],
    'src/config.ts': ["import { DEMO_GROUPS } from './simulator/demo-tenant';", 'export const groups = DEMO_GROUPS;'],
  },
  simulatorImportsProduction: {
    'src/graph/directory-roles.ts': ["export const ROLES = ['Global Administrator'];"],
    'src/simulator/tenant.ts': ["import { ROLES } from '../graph/directory-roles';", 'export const roles = ROLES;'],
  },
  innerImportsOuter: {
    'src/changes/change-kind.ts': ["export type ChangeKind = 'add-number';"],
    // A type is a dependency too: the layers hold for `import type`.
    'src/diagnosis/finding.ts': [
      "import type { ChangeKind } from '../changes/change-kind';",
      'export type Fix = ChangeKind;',
    ],
    // src/methods does not exist in phonedesk yet; the layers hold for it as soon as it does.
    'src/methods/sms-sign-in/sms-findings.ts': ['export const smsFindings = [];'],
    'src/audit/audit-log.ts': [
      "import { smsFindings } from '../methods/sms-sign-in/sms-findings';",
      'export const log = smsFindings;',
    ],
    'src/bot/change-flow.ts': ['export const flow = 1;'],
    'dialogs/add-number-dialog.ts': ["import { flow } from '../src/bot/change-flow';", 'export const dialog = flow;'],
  },
  pureModuleDoesIo: {
    'src/diagnosis/licences.ts': [
      "import { readFileSync } from 'node:fs';",
      "export const read = () => readFileSync('skus.json');",
    ],
    'src/cards/card.ts': ["import pino from 'pino';", 'export const log = pino();'],
  },
  strayModules: {
    'src/graph/odata.ts': ['export const quote = (text: string) => text;'],
    'src/config.ts': ["import { quote } from './graph/odata';", 'export const q = quote;'],
    'src/reports/report.ts': ["import { quote } from '../graph/odata';", 'export const report = quote;'],
  },
  // Every direction the rules allow, once.
  clean: {
    'src/phone/phone-number.ts': [
      "import { parsePhoneNumber } from 'libphonenumber-js';",
      'export const parse = parsePhoneNumber;',
    ],
    'src/config.ts': [
      "import { existsSync } from 'node:fs';",
      "import { parse } from './phone/phone-number';",
      'export const config = { existsSync, parse };',
    ],
    'src/log/logger.ts': [
      "import pino from 'pino';",
      'export type Logger = pino.Logger;',
      'export const logger = pino();',
    ],
    'src/graph/gateway.ts': ["import { config } from '../config';", 'export class Gateway { c = config; }'],
    // A pure module may import types from I/O modules.
    'src/diagnosis/finding.ts': [
      "import type { Logger } from '../log/logger';",
      "import type { Gateway } from '../graph/gateway';",
      'export type Finding = { log?: Logger; g?: Gateway };',
    ],
    'src/access/access-policy.ts': [
      "import type { Finding } from '../diagnosis/finding';",
      'export const allow = (f: Finding) => f;',
    ],
    'src/changes/change-service.ts': [
      "import { allow } from '../access/access-policy';",
      'export const request = allow;',
    ],
    'src/storage/sqlite-store.ts': [
      "import Database from 'better-sqlite3';",
      "import { request } from '../changes/change-service';",
      'export const store = { Database, request };',
    ],
    'src/cards/card.ts': [
      "import type { Finding } from '../diagnosis/finding';",
      'export const card = (f: Finding) => f;',
    ],
    'dialogs/add-number-dialog.ts': ["import { card } from '../src/cards/card';", 'export const dialog = card;'],
    'src/bot/message-handler.ts': [
      "import { dialog } from '../../dialogs/add-number-dialog';",
      'export const handle = dialog;',
    ],
    'src/services.ts': [
      "import { handle } from './bot/message-handler';",
      "import { store } from './storage/sqlite-store';",
      'export const services = { handle, store };',
    ],
    'src/simulator/tenant.ts': ["import { createServer } from 'node:http';", 'export const serve = createServer;'],
    'src/simulator/main.ts': ["import { serve } from './tenant';", 'export const main = serve;'],
    'src/launcher/start.ts': [
      "import { main } from '../simulator/main';",
      "import { services } from '../services';",
      'export const start = { main, services };',
    ],
  },
};

// Runs in one child process, so TypeScript and dependency-cruiser load once for all the trees. dependency-cruiser
// is an ES module, which jest's module system cannot load. Prints { tree: Violation[] }.
const RUNNER = `
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { cruise } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

const [configFile, ...trees] = process.argv.slice(2);
const options = await extractDepcruiseOptions(configFile);
const found = {};
for (const tree of trees) {
  const tsConfig = join(tree, 'tsconfig.json');
  const roots = ['src', 'dialogs'].filter((root) => existsSync(join(tree, root)));
  const { output } = await cruise(roots, { ...options, baseDir: tree, tsConfig: { fileName: tsConfig } }, {}, { tsConfig: extractTSConfig(tsConfig) });
  found[tree] = output.summary.violations.map((v) => ({ rule: v.rule.name, from: v.from, to: v.to }));
}
process.stdout.write(JSON.stringify(found));
`;

const TSCONFIG = JSON.stringify({
  compilerOptions: { target: 'ES2022', module: 'commonjs', strict: true, esModuleInterop: true },
});

let violations: Record<string, Violation[]>;
let cleanup: () => void;

function writeTree(dir: string, tree: Tree): void {
  for (const [file, lines] of Object.entries({ ...tree, 'tsconfig.json': [TSCONFIG] })) {
    mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
  }
}

function cruiseAll(root: string, trees: string[]): Promise<Record<string, Violation[]>> {
  const config = path.join(ROOT, '.dependency-cruiser.cjs');
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [path.join(root, 'cruise.mjs'), config, ...trees],
      { cwd: root, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`dependency-cruiser failed: ${stderr || error.message}`));
        else resolve(JSON.parse(stdout) as Record<string, Violation[]>);
      },
    );
  });
}

beforeAll(async () => {
  const temp = tempDir('phonedesk-depcruise-');
  cleanup = temp.cleanup;
  // npm packages (pino, better-sqlite3, node's builtins aside) resolve through the project's own node_modules.
  symlinkSync(path.join(ROOT, 'node_modules'), path.join(temp.dir, 'node_modules'), 'dir');
  writeFileSync(path.join(temp.dir, 'cruise.mjs'), RUNNER);
  for (const [name, tree] of Object.entries(TREES)) writeTree(path.join(temp.dir, name), tree);
  const found = await cruiseAll(
    temp.dir,
    Object.keys(TREES).map((name) => path.join(temp.dir, name)),
  );
  violations = Object.fromEntries(Object.keys(TREES).map((name) => [name, found[path.join(temp.dir, name)]]));
}, 60_000);

afterAll(() => cleanup?.());

function rulesBroken(tree: string): string[] {
  return [...new Set(violations[tree].map((v) => v.rule))].sort();
}

describe('the dependency rules in .dependency-cruiser.cjs', () => {
  it('report an import cycle, even between two folders of the same layer', () => {
    expect(rulesBroken('cycle')).toEqual(['no-circular']);
    expect(violations.cycle).toContainEqual({
      rule: 'no-circular',
      from: 'src/access/scope.ts',
      to: 'src/diagnosis/finding.ts',
    });
  });

  it('report production code importing the simulator', () => {
    expect(violations.productionImportsSimulator).toEqual([
      { rule: 'simulator-isolated', from: 'src/config.ts', to: 'src/simulator/demo-tenant.ts' },
    ]);
  });

  it('report the simulator importing production code', () => {
    expect(violations.simulatorImportsProduction).toEqual([
      { rule: 'simulator-self-contained', from: 'src/simulator/tenant.ts', to: 'src/graph/directory-roles.ts' },
    ]);
  });

  it('report an inner layer importing an outer one, types and not-yet-existing folders included', () => {
    expect(violations.innerImportsOuter).toEqual(
      expect.arrayContaining([
        {
          rule: 'layers-point-inward:diagnosis-access-number-index',
          from: 'src/diagnosis/finding.ts',
          to: 'src/changes/change-kind.ts',
        },
        {
          rule: 'layers-point-inward:audit-log',
          from: 'src/audit/audit-log.ts',
          to: 'src/methods/sms-sign-in/sms-findings.ts',
        },
        { rule: 'layers-point-inward:dialogs', from: 'dialogs/add-number-dialog.ts', to: 'src/bot/change-flow.ts' },
      ]),
    );
    expect(violations.innerImportsOuter).toHaveLength(3);
  });

  it('report a pure module importing node:fs or pino', () => {
    expect(violations.pureModuleDoesIo).toEqual(
      expect.arrayContaining([
        { rule: 'pure-modules-no-io', from: 'src/diagnosis/licences.ts', to: 'fs' },
        { rule: 'pure-modules-no-io', from: 'src/cards/card.ts', to: expect.stringMatching(/node_modules\/pino\//) },
      ]),
    );
    expect(violations.pureModuleDoesIo).toHaveLength(2);
  });

  it('report config.ts importing more than pure helpers, and a folder that is in no layer', () => {
    expect(rulesBroken('strayModules')).toEqual(['config-is-a-leaf', 'in-a-layer']);
    expect(violations.strayModules).toContainEqual({
      rule: 'config-is-a-leaf',
      from: 'src/config.ts',
      to: 'src/graph/odata.ts',
    });
    expect(violations.strayModules).toContainEqual({
      rule: 'in-a-layer',
      from: 'src/reports/report.ts',
      to: 'src/graph/odata.ts',
    });
  });

  it('pass a tree whose imports all point inward', () => {
    expect(violations.clean).toEqual([]);
  });
});
