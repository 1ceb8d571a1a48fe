// The house rules, checked: production code never imports the simulator (only the launcher, which runs it, may),
// and the simulator imports no production code, so that each can change without the other; the dialogs sit below
// the bot, and the handlers get ports, never the SQLite adapters or the composition root.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../helpers/processes';

const SIMULATOR = path.join(ROOT, 'src', 'simulator');
const LAUNCHER = path.join(ROOT, 'src', 'launcher');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? sourceFiles(full) : entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** The files a module imports by relative path (static, dynamic and require), resolved. */
function relativeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [
    ...text.matchAll(/(?:\bfrom\s*|\bimport\s*\(?\s*|\brequire\s*\(\s*)['"](\.{1,2}\/[^'"]+)['"]/g),
  ].map((match) => match[1]);
  return specifiers.map((specifier) => path.resolve(path.dirname(file), specifier));
}

const inside = (file: string, dir: string): boolean => file === dir || file.startsWith(dir + path.sep);

describe('import boundaries', () => {
  it('production code (src/ and dialogs/, but the launcher) never imports src/simulator', () => {
    const production = [...sourceFiles(path.join(ROOT, 'src')), ...sourceFiles(path.join(ROOT, 'dialogs'))].filter(
      (file) => !inside(file, SIMULATOR) && !inside(file, LAUNCHER),
    );
    expect(production.length).toBeGreaterThan(50);
    const offending = production.flatMap((file) =>
      relativeImports(file)
        .filter((target) => inside(target, SIMULATOR))
        .map((target) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`),
    );
    expect(offending).toEqual([]);
  });

  it('dialogs/ and src/conversation/ import nothing of src/bot but src/bot/understanding: src/bot composes them', () => {
    const bot = path.join(ROOT, 'src', 'bot');
    const understanding = path.join(bot, 'understanding');
    const below = [...sourceFiles(path.join(ROOT, 'dialogs')), ...sourceFiles(path.join(ROOT, 'src', 'conversation'))];
    const offending = below.flatMap((file) =>
      relativeImports(file)
        .filter((target) => inside(target, bot) && !inside(target, understanding))
        .map((target) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`),
    );
    expect(offending).toEqual([]);
  });

  it('the handlers see ports: src/bot, src/conversation and dialogs/ import no storage adapter and not the composition root', () => {
    const adapters = path.join(ROOT, 'src', 'storage', 'sqlite');
    const root = path.join(ROOT, 'src', 'services');
    const handlers = [
      path.join(ROOT, 'src', 'bot'),
      path.join(ROOT, 'src', 'conversation'),
      path.join(ROOT, 'dialogs'),
    ].flatMap(sourceFiles);
    const offending = handlers.flatMap((file) =>
      relativeImports(file)
        .filter((target) => inside(target, adapters) || target === root)
        .map((target) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`),
    );
    expect(offending).toEqual([]);
  });

  it('src/simulator imports nothing outside src/simulator', () => {
    const offending = sourceFiles(SIMULATOR).flatMap((file) =>
      relativeImports(file)
        .filter((target) => !inside(target, SIMULATOR))
        .map((target) => `${path.relative(ROOT, file)} → ${path.relative(ROOT, target)}`),
    );
    expect(offending).toEqual([]);
  });
});
