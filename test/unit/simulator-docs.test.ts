import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_BADGES } from '../../src/simulator/demo-badges';
import { DEMO_GROUPS, DEMO_SCENARIOS } from '../../src/simulator/demo-tenant';
import { ROOT } from '../helpers/processes';

const docs = readFileSync(path.join(ROOT, 'docs', 'simulator.md'), 'utf8');

describe('docs/simulator.md stays true to the code', () => {
  it('embeds the seed JSON Schema exactly as the loader uses it', () => {
    const block = /## Seed file schema[\s\S]*?```json\n([\s\S]*?)```/.exec(docs);
    expect(block).not.toBeNull();
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'src', 'simulator', 'seed-schema.json'), 'utf8'));
    expect(JSON.parse(block![1])).toEqual(schema);
  });

  it("gives the ids of the demo tenant's approver groups, which a bot run on its own needs", () => {
    expect(docs).toContain(`\`APPROVER_GROUP_IDS\` (\`${DEMO_GROUPS.approvers}\`, "phonedesk approvers")`);
    expect(docs).toContain(`\`TENANT_ADMIN_GROUP_IDS\` (\`${DEMO_GROUPS.tenantAdmins}\`, "phonedesk tenant admins")`);
  });

  it('lists every person of the demo tenant with their scenario', () => {
    for (const person of DEMO_SCENARIOS) {
      expect(docs).toContain(`| ${person.name} | \`${person.alias}\` | ${person.store} | ${person.scenario} |`);
    }
  });

  it('lists every demo badge with what it shows', () => {
    for (const badge of DEMO_BADGES) expect(docs).toContain(`| \`${badge.alias}\` | ${badge.scenario} |`);
  });
});
