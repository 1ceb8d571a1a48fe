// Reads and checks a seed: shape by JSON Schema (seed-schema.json), consistency by building the tenant.
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import schema from './seed-schema.json';
import type { Seed } from './seed';
import { SeedError, Tenant } from './tenant';

const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv, ['date-time']);
const validate = ajv.compile<Seed>(schema);

/** Returns the seed if it is well-formed and consistent; throws SeedError naming the problems otherwise. */
export function checkSeed(value: unknown): Seed {
  if (!validate(value)) {
    const problems = (validate.errors ?? [])
      .slice(0, 5)
      .map((error) => `${error.instancePath || '/'} ${error.message ?? 'is invalid'}`);
    throw new SeedError(`the seed does not match the schema: ${problems.join('; ')}`);
  }
  new Tenant(value);
  return value;
}

export function readSeedFile(file: string): Seed {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new SeedError(`cannot read seed file ${file}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new SeedError(`seed file ${file} is not valid JSON: ${(error as Error).message}`);
  }
  return checkSeed(parsed);
}
