// Runs the benchmarks in bench/ one after another: `npm run bench` for all, `npm run bench -- NAME` for one.
// Each benchmark is a module exporting `run(): Promise<void>` that prints its own table.
import { readdirSync } from 'node:fs';
import path from 'node:path';

interface Benchmark {
  run(): Promise<void>;
}

async function main(): Promise<void> {
  const wanted = process.argv.slice(2);
  const names = readdirSync(__dirname)
    .filter((file) => file.endsWith('.bench.js'))
    .map((file) => file.replace(/\.bench\.js$/, ''))
    .filter((name) => wanted.length === 0 || wanted.includes(name));
  const unknown = wanted.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    process.stderr.write(`unknown benchmark: ${unknown.join(', ')}\n`);
    process.exitCode = 2;
    return;
  }
  if (names.length === 0) {
    process.stdout.write('no benchmarks in bench/ yet\n');
    return;
  }
  for (const name of names) {
    process.stdout.write(`\n== ${name} ==\n`);
    const benchmark = (await import(path.join(__dirname, `${name}.bench.js`))) as Benchmark;
    await benchmark.run();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`benchmark failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exitCode = 1;
});
