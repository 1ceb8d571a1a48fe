// The code cites only what the repository holds: no file outside it, and every section mark follows the docs/
// file it belongs to, which has a heading for that section (docs/graph-facts.md says how to cite it). Comments and
// strings (test names) are read with the TypeScript parser, so a citation cannot hide in a template or a JSDoc
// block, and a section mark anywhere else fails too.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ts from 'typescript';
import { ROOT } from '../helpers/processes';

const SECTION = '\u00a7';
const CHECKED_DIRS = ['src', 'dialogs', 'test', 'bench'];
/**
 * Where the team's reference notes live beside the repository, and their file names. Built from parts so that
 * this file does not cite them itself.
 */
const OUTSIDE = [
  ['shared', 'reference'].join('/'),
  ['..', 'shared'].join('/'),
  ['', 'work', 'shared'].join('/'),
  ['graph', 'sms', 'signin'].join('-'),
  ['sms', 'retirement', 'and', 'qr'].join('-'),
  ['teams', 'ecosystem'].join('-'),
  ['qr', 'badges', 'and', 'first', 'sign', 'in'].join('-'),
];
const SKIPPED_DIRS = new Set(['node_modules', 'dist', 'data', 'test-results', 'coverage']);

interface TextUnit {
  start: number;
  text: string;
}

function filesUnder(dir: string, ending: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name.startsWith('.') || SKIPPED_DIRS.has(entry.name)) return [];
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full, ending) : entry.name.endsWith(ending) ? [full] : [];
  });
}

const markdownNames = new Set(filesUnder(ROOT, '.md').map((file) => path.basename(file)));
const headingCache = new Map<string, Set<string> | undefined>();

/** The section numbers a docs file has headings for: "## 3. …", or with the section mark before the number. */
function headingsOf(docsFile: string): Set<string> | undefined {
  if (!headingCache.has(docsFile)) {
    const full = path.join(ROOT, docsFile);
    const numbers = existsSync(full)
      ? readFileSync(full, 'utf8')
          .split('\n')
          .map((line) => new RegExp(`^#{1,6}\\s+${SECTION}?\\s*(\\d+(?:\\.\\d+)*)(?=[\\s.:)]|$)`).exec(line)?.[1])
          .filter((number): number is string => number !== undefined)
      : undefined;
    headingCache.set(docsFile, numbers && new Set(numbers));
  }
  return headingCache.get(docsFile);
}

function isJsDoc(node: ts.Node): boolean {
  return node.kind >= ts.SyntaxKind.FirstJSDocNode && node.kind <= ts.SyntaxKind.LastJSDocNode;
}

/** Every comment (a run of line comments counts as one) and every string, template part and regex literal. */
function textUnits(fileName: string, text: string): TextUnit[] {
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const comments = new Map<number, ts.CommentRange>();
  const units: TextUnit[] = [];
  const visit = (node: ts.Node): void => {
    for (const range of ts.getLeadingCommentRanges(text, node.pos) ?? []) comments.set(range.pos, range);
    for (const range of ts.getTrailingCommentRanges(text, node.end) ?? []) comments.set(range.pos, range);
    if (
      ts.isStringLiteral(node) ||
      ts.isNoSubstitutionTemplateLiteral(node) ||
      ts.isTemplateLiteralToken(node) ||
      ts.isRegularExpressionLiteral(node)
    ) {
      units.push({ start: node.getStart(source), text: node.getText(source) });
    }
    for (const child of node.getChildren(source)) if (!isJsDoc(child)) visit(child);
  };
  visit(source);
  let previous: ts.CommentRange | undefined;
  for (const range of [...comments.values()].sort((a, b) => a.pos - b.pos)) {
    const joined =
      previous?.kind === ts.SyntaxKind.SingleLineCommentTrivia &&
      range.kind === ts.SyntaxKind.SingleLineCommentTrivia &&
      /^[ \t]*\r?\n[ \t]*$/.test(text.slice(previous.end, range.pos));
    const last = units[units.length - 1];
    if (joined && last) last.text = text.slice(last.start, range.end);
    else units.push({ start: range.pos, text: text.slice(range.pos, range.end) });
    previous = range;
  }
  return units;
}

/** What is wrong with the citations in one file, as "file:line: problem". */
function citationProblems(fileName: string, text: string): string[] {
  const found: Array<{ offset: number; problem: string }> = [];
  const at = (offset: number, problem: string) => found.push({ offset, problem });
  const lower = text.toLowerCase();
  for (const outside of OUTSIDE) {
    for (let index = lower.indexOf(outside); index !== -1; index = lower.indexOf(outside, index + 1)) {
      at(index, `names "${outside}", which is outside the repository`);
    }
  }
  // Only a section mark or a .md name needs the parser; most files have neither.
  const units = text.includes(SECTION) || text.includes('.md') ? textUnits(fileName, text) : [];
  for (let index = text.indexOf(SECTION); index !== -1; index = text.indexOf(SECTION, index + 1)) {
    if (!units.some((unit) => index >= unit.start && index < unit.start + unit.text.length))
      at(index, `${SECTION} outside any comment or string`);
  }
  for (const unit of units) {
    const withoutUrls = unit.text.replace(/\bhttps?:\/\/\S+/g, (url) => ' '.repeat(url.length));
    for (const match of withoutUrls.matchAll(/(?<![\w./-])([\w-][\w./-]*\.md)(?![\w-])/g)) {
      const named = match[1]!;
      const exists = named.includes('/')
        ? existsSync(path.join(ROOT, named)) || existsSync(path.resolve(ROOT, path.dirname(fileName), named))
        : markdownNames.has(named);
      if (!exists) at(unit.start + match.index, `names ${named}, which is not in the repository`);
    }
    const docsFiles = [...unit.text.matchAll(/\bdocs\/[\w.-]+?\.md\b/g)];
    for (let index = unit.text.indexOf(SECTION); index !== -1; index = unit.text.indexOf(SECTION, index + 1)) {
      const docsFile = docsFiles.filter((docs) => docs.index < index).pop()?.[0];
      const number = /^\s?(\d+(?:\.\d+)*)/.exec(unit.text.slice(index + 1))?.[1];
      if (!docsFile) at(unit.start + index, `${SECTION} with no docs/ file before it in the same comment or string`);
      else if (!number) at(unit.start + index, `${SECTION} not followed by a section number`);
      else if (!headingsOf(docsFile)?.has(number))
        at(unit.start + index, `${docsFile} has no heading for ${SECTION}${number}`);
    }
  }
  return found
    .sort((a, b) => a.offset - b.offset)
    .map(({ offset, problem }) => `${fileName}:${text.slice(0, offset).split('\n').length}: ${problem}`);
}

describe('citations in src, dialogs, test and bench', () => {
  const files = CHECKED_DIRS.flatMap((dir) => filesUnder(path.join(ROOT, dir), '.ts'));

  it('finds the code to check', () => {
    expect(files.length).toBeGreaterThan(100);
  });

  it('cite only files in the repository, and only sections its docs have', () => {
    const problems = files.flatMap((file) => citationProblems(path.relative(ROOT, file), readFileSync(file, 'utf8')));
    expect(problems).toEqual([]);
  });
});

describe('the citation check itself', () => {
  const S = SECTION;
  const check = (source: string) => citationProblems('test/unit/example.ts', source);

  it('accepts sections of a docs file, in comments and in test names', () => {
    expect(
      check(
        `// Throttling (docs/graph-facts.md ${S}10, ${S}9)\nit('answers 424 (docs/graph-facts.md ${S}9)', () => {});\n`,
      ),
    ).toEqual([]);
  });

  it('reads a run of line comments as one comment', () => {
    expect(check(`// The reason is in docs/graph-facts.md\n// ${S}2.4.\nconst x = 1;\n`)).toEqual([]);
    expect(check(`// docs/graph-facts.md\n\n// ${S}2.4\n`)).toEqual([
      `test/unit/example.ts:3: ${S} with no docs/ file before it in the same comment or string`,
    ]);
  });

  it('refuses a section without its docs file, in a comment, a JSDoc block, a test name or a template', () => {
    expect(
      check(`/** Revoke (reference ${S}4.1). */\nit(\`answers 200 (${S}4.1)\`, () => {});\nconst r = /${S}/;\n`),
    ).toEqual([
      `test/unit/example.ts:1: ${S} with no docs/ file before it in the same comment or string`,
      `test/unit/example.ts:2: ${S} with no docs/ file before it in the same comment or string`,
      `test/unit/example.ts:3: ${S} with no docs/ file before it in the same comment or string`,
    ]);
  });

  it('refuses a section the docs file has no heading for, and a mark with no number', () => {
    expect(check(`// docs/graph-facts.md ${S}99 and ${S}A5\n`)).toEqual([
      `test/unit/example.ts:1: docs/graph-facts.md has no heading for ${S}99`,
      `test/unit/example.ts:1: ${S} not followed by a section number`,
    ]);
  });

  it('refuses files outside the repository, with or without a section', () => {
    const outside = ['..', 'shared', 'reference'].join('/');
    const notInRepository = `${['user', 'list'].join('-')}.md`;
    expect(check(`// From ${outside}/notes.\nconst note = '${notInRepository}';\n`)).toEqual([
      `test/unit/example.ts:1: names "${OUTSIDE[1]}", which is outside the repository`,
      `test/unit/example.ts:1: names "${OUTSIDE[0]}", which is outside the repository`,
      `test/unit/example.ts:2: names ${notInRepository}, which is not in the repository`,
    ]);
  });
});
