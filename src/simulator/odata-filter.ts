// A parser for the $filter forms phonedesk uses, with OData string escaping ('' inside a quoted string).
// Anything outside the supported forms is refused with 400, as Graph refuses unsupported filters.
import { badRequest, unsupportedQuery } from './graph-error';

type Literal = string | number | boolean | null;

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'eq'; property: string; value: Literal }
  | { kind: 'in'; property: string; values: Literal[] }
  | { kind: 'startswith'; property: string; value: string }
  | { kind: 'any-eq'; property: string; value: Literal };

/** Which properties a collection allows with which operator. */
export interface FilterCapabilities {
  resource: string;
  eq: readonly string[];
  in?: readonly string[];
  startswith?: readonly string[];
  anyEq?: readonly string[];
}

type Token =
  | { type: 'string'; value: string }
  | { type: 'number'; value: number }
  | { type: 'word'; value: string }
  | { type: 'punct'; value: '(' | ')' | ',' | ':' | '/' };

const MAX_FILTER_LENGTH = 16_000;
const MAX_NESTING = 100;

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === ' ' || ch === '\t') {
      i++;
    } else if (ch === "'") {
      let value = '';
      i++;
      for (;;) {
        if (i >= text.length) throw badRequest(`Invalid filter clause: unterminated string literal.`);
        if (text[i] === "'") {
          if (text[i + 1] === "'") {
            value += "'";
            i += 2;
            continue;
          }
          i++;
          break;
        }
        value += text[i++];
      }
      tokens.push({ type: 'string', value });
    } else if ('(),:/'.includes(ch)) {
      tokens.push({ type: 'punct', value: ch as '(' | ')' | ',' | ':' | '/' });
      i++;
    } else if (/[-\d]/.test(ch) && /^-?\d/.test(text.slice(i, i + 2))) {
      const match = /^-?\d+(\.\d+)?/.exec(text.slice(i))!;
      tokens.push({ type: 'number', value: Number(match[0]) });
      i += match[0].length;
    } else if (/[A-Za-z_$@]/.test(ch)) {
      const match = /^[A-Za-z_$@][\w.$@]*/.exec(text.slice(i))!;
      tokens.push({ type: 'word', value: match[0] });
      i += match[0].length;
    } else {
      throw badRequest(`Invalid filter clause: unexpected character '${ch}' at position ${i}.`);
    }
  }
  return tokens;
}

class Parser {
  private position = 0;
  private depth = 0;
  constructor(private readonly tokens: Token[]) {}

  parse(): FilterNode {
    const node = this.or();
    if (this.position < this.tokens.length)
      throw badRequest('Invalid filter clause: unexpected text after the expression.');
    return node;
  }

  private peekWord(word: string): boolean {
    const token = this.tokens[this.position];
    return token?.type === 'word' && token.value.toLowerCase() === word;
  }

  private next(): Token {
    const token = this.tokens[this.position++];
    if (!token) throw badRequest('Invalid filter clause: the expression ends too early.');
    return token;
  }

  private expectPunct(value: string): void {
    const token = this.next();
    if (token.type !== 'punct' || token.value !== value)
      throw badRequest(`Invalid filter clause: expected '${value}'.`);
  }

  private or(): FilterNode {
    let left = this.and();
    while (this.peekWord('or')) {
      this.position++;
      left = { kind: 'or', left, right: this.and() };
    }
    return left;
  }

  private and(): FilterNode {
    let left = this.primary();
    while (this.peekWord('and')) {
      this.position++;
      left = { kind: 'and', left, right: this.primary() };
    }
    return left;
  }

  private primary(): FilterNode {
    const token = this.next();
    if (token.type === 'punct' && token.value === '(') {
      // Bounded so that hostile input like 7000 '(' is a 400, not a stack overflow answered with 500.
      if (++this.depth > MAX_NESTING)
        throw badRequest(`Invalid filter clause: parentheses nest deeper than ${MAX_NESTING} levels.`);
      const inner = this.or();
      this.expectPunct(')');
      this.depth--;
      return inner;
    }
    if (token.type !== 'word') throw badRequest('Invalid filter clause: expected a property or function name.');
    const name = token.value;
    if (name.toLowerCase() === 'startswith') {
      this.expectPunct('(');
      const property = this.propertyPath();
      this.expectPunct(',');
      const value = this.literal();
      this.expectPunct(')');
      if (typeof value !== 'string') throw badRequest('Invalid filter clause: startswith needs a string.');
      return { kind: 'startswith', property, value };
    }
    if (name.toLowerCase() === 'not' || name.toLowerCase() === 'endswith' || name.toLowerCase() === 'contains') {
      throw unsupportedQuery(
        `Unsupported query: '${name}' needs advanced query capabilities that this endpoint does not offer.`,
      );
    }
    let property = name;
    while (this.tokens[this.position]?.type === 'punct' && this.tokens[this.position].value === '/') {
      this.position++;
      const part = this.next();
      if (part.type !== 'word') throw badRequest('Invalid filter clause: expected a property name after /.');
      if (part.value.toLowerCase() === 'any') return this.anyLambda(property);
      property += `/${part.value}`;
    }
    const operator = this.next();
    if (operator.type !== 'word') throw badRequest('Invalid filter clause: expected an operator.');
    switch (operator.value.toLowerCase()) {
      case 'eq':
        return { kind: 'eq', property, value: this.literal() };
      case 'in': {
        this.expectPunct('(');
        const values: Literal[] = [this.literal()];
        while (this.tokens[this.position]?.type === 'punct' && this.tokens[this.position].value === ',') {
          this.position++;
          values.push(this.literal());
        }
        this.expectPunct(')');
        return { kind: 'in', property, values };
      }
      case 'ne':
      case 'gt':
      case 'ge':
      case 'lt':
      case 'le':
        throw unsupportedQuery(
          `Unsupported query: operator '${operator.value}' is not supported on property '${property}'.`,
        );
      default:
        throw badRequest(`Invalid filter clause: unknown operator '${operator.value}'.`);
    }
  }

  private propertyPath(): string {
    const token = this.next();
    if (token.type !== 'word') throw badRequest('Invalid filter clause: expected a property name.');
    return token.value;
  }

  private anyLambda(property: string): FilterNode {
    this.expectPunct('(');
    const variable = this.next();
    if (variable.type !== 'word') throw badRequest('Invalid filter clause: expected a lambda variable.');
    this.expectPunct(':');
    const reference = this.next();
    const operator = this.next();
    if (
      reference.type !== 'word' ||
      reference.value !== variable.value ||
      operator.type !== 'word' ||
      operator.value.toLowerCase() !== 'eq'
    ) {
      throw unsupportedQuery(`Unsupported query: only '${property}/any(x: x eq 'value')' is supported.`);
    }
    const value = this.literal();
    this.expectPunct(')');
    return { kind: 'any-eq', property, value };
  }

  private literal(): Literal {
    const token = this.next();
    if (token.type === 'string' || token.type === 'number') return token.value;
    if (token.type === 'word') {
      const word = token.value.toLowerCase();
      if (word === 'true') return true;
      if (word === 'false') return false;
      if (word === 'null') return null;
    }
    throw badRequest('Invalid filter clause: expected a literal value.');
  }
}

function check(node: FilterNode, capabilities: FilterCapabilities): void {
  const refuse = (property: string): never => {
    throw unsupportedQuery(
      `Unsupported or invalid query filter clause specified for property '${property}' of resource '${capabilities.resource}'.`,
    );
  };
  switch (node.kind) {
    case 'and':
    case 'or':
      check(node.left, capabilities);
      check(node.right, capabilities);
      return;
    case 'eq':
      if (!capabilities.eq.includes(node.property)) refuse(node.property);
      return;
    case 'in':
      if (!capabilities.in?.includes(node.property)) refuse(node.property);
      if (node.values.length > 15) throw badRequest(`Too many values in the 'in' clause: at most 15 are allowed.`);
      return;
    case 'startswith':
      if (!capabilities.startswith?.includes(node.property)) refuse(node.property);
      return;
    case 'any-eq':
      if (!capabilities.anyEq?.includes(node.property)) refuse(node.property);
      return;
  }
}

export function parseFilter(text: string, capabilities: FilterCapabilities): FilterNode {
  if (text.length > MAX_FILTER_LENGTH) throw badRequest('The $filter expression is too long.');
  const node = new Parser(tokenize(text)).parse();
  check(node, capabilities);
  return node;
}

function equal(actual: unknown, expected: Literal): boolean {
  if (typeof actual === 'string' && typeof expected === 'string')
    return actual.toLowerCase() === expected.toLowerCase();
  if (actual === undefined) return expected === null;
  return actual === expected;
}

/** Evaluates a parsed filter; `read` gives a property's value (an array for any-eq properties). */
export function matches(node: FilterNode, read: (property: string) => unknown): boolean {
  switch (node.kind) {
    case 'and':
      return matches(node.left, read) && matches(node.right, read);
    case 'or':
      return matches(node.left, read) || matches(node.right, read);
    case 'eq':
      return equal(read(node.property), node.value);
    case 'in': {
      const actual = read(node.property);
      return node.values.some((value) => equal(actual, value));
    }
    case 'startswith': {
      const actual = read(node.property);
      return typeof actual === 'string' && actual.toLowerCase().startsWith(node.value.toLowerCase());
    }
    case 'any-eq': {
      const actual = read(node.property);
      return Array.isArray(actual) && actual.some((item) => equal(item, node.value));
    }
  }
}
