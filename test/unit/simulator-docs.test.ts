import { readFileSync } from 'node:fs';
import path from 'node:path';
import { DEMO_SCENARIOS } from '../../src/simulator/demo-tenant';
import { ROOT } from '../helpers/processes';

const docs = readFileSync(path.join(ROOT, 'docs', 'simulator.md'), 'utf8');

describe('docs/simulator.md stays true to the code', () => {
  it('embeds the seed JSON Schema exactly as the loader uses it', () => {
    const block = /## Seed file schema[\s\S]*?```json\n([\s\S]*?)```/.exec(docs);
    expect(block).not.toBeNull();
    const schema = JSON.parse(readFileSync(path.join(ROOT, 'src', 'simulator', 'seed-schema.json'), 'utf8'));
    expect(JSON.parse(block![1])).toEqual(schema);
  });

  it('lists every person of the demo tenant with their scenario', () => {
    for (const person of DEMO_SCENARIOS) {
      expect(docs).toContain(`| ${person.name} | \`${person.alias}\` | ${person.store} | ${person.scenario} |`);
    }
  });
});
