// The adaptivecards parser as a validator (Adaptive Cards 1.5, the Teams subset, no unknown elements or properties),
// and reading a card as a user would: shared by the card tests.
import type * as AdaptiveCardsModule from 'adaptivecards';
import type { AdaptiveCard, CardAction, CardElement, ExecuteAction } from '../../src/cards/adaptive-card';

// The package's `main` (lib/) is untranspiled ESM with extension-less imports, which neither Node's require nor
// jest (node_modules are not transformed) can load. dist/adaptivecards.js is the same source built as UMD; it
// only touches the DOM when rendering, so parsing works in jest's node environment without jsdom or globals.
const AC = jest.requireActual<typeof AdaptiveCardsModule>('adaptivecards/dist/adaptivecards.js');

// ---------------------------------------------------------------------------------------------------------------
// The validator

/** Element and action types phonedesk uses, all supported by Teams for bot cards at 1.5. */
const TEAMS_ELEMENTS = new Set([
  'TextBlock',
  'FactSet',
  'ActionSet',
  'Container',
  'ColumnSet',
  'Column',
  'Input.Text',
  // Only on a secret's delivery card: the QR code as a PNG data URI.
  'Image',
]);
const TEAMS_ACTIONS = new Set(['Action.Execute', 'Action.Submit', 'Action.OpenUrl']);
/** Teams shows at most 6 buttons in one set (and the parser's default host config allows 5). */
const MAX_ACTIONS_PER_SET = 5;

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function toJson(value: unknown): Json {
  return JSON.parse(JSON.stringify(value)) as Json;
}

/** A copy without `fallback` properties, and the fallbacks found (the parser only reads a fallback it needs). */
function withoutFallbacks(value: Json, found: Json[]): Json {
  if (Array.isArray(value)) return value.map((item) => withoutFallbacks(item, found));
  if (!isObject(value)) return value;
  const copy: { [key: string]: Json } = {};
  for (const [key, item] of Object.entries(value)) {
    if (key === 'fallback') found.push(item as Json);
    else copy[key] = withoutFallbacks(item as Json, found);
  }
  return copy;
}

/** Every property of `input` that the parser dropped on a round trip, i.e. did not know (or was a default). */
function droppedProperties(input: Json, output: Json | undefined, path: string, problems: string[]): void {
  if (Array.isArray(input)) {
    // An empty userIds means "no automatic refresh"; the serializer omits empty arrays.
    if (input.length === 0 && output === undefined && path.endsWith('.userIds')) return;
    if (!Array.isArray(output) || output.length !== input.length) {
      problems.push(`${path}: array not kept by the parser`);
      return;
    }
    input.forEach((item, index) => droppedProperties(item, output[index], `${path}[${index}]`, problems));
    return;
  }
  if (isObject(input)) {
    if (!isObject(output)) {
      problems.push(`${path}: object not kept by the parser`);
      return;
    }
    for (const [key, item] of Object.entries(input))
      droppedProperties(item as Json, output[key] as Json | undefined, `${path}.${key}`, problems);
    return;
  }
  if (output !== input)
    problems.push(
      `${path}: ${JSON.stringify(input)} dropped or changed by the parser (unknown property or default value)`,
    );
}

function typesIn(value: Json, path: string, problems: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, index) => typesIn(item, `${path}[${index}]`, problems));
    return;
  }
  if (!isObject(value)) return;
  const type = value.type;
  if (typeof type === 'string' && type !== 'AdaptiveCard' && !path.endsWith('.data')) {
    if (type.startsWith('Action.') ? !TEAMS_ACTIONS.has(type) : !TEAMS_ELEMENTS.has(type))
      problems.push(`${path}: ${type} is not in the Teams subset`);
  }
  if (Array.isArray(value.actions) && value.actions.length > MAX_ACTIONS_PER_SET)
    problems.push(`${path}: ${value.actions.length} actions in one set`);
  for (const [key, item] of Object.entries(value))
    if (key !== 'data') typesIn(item as Json, `${path}.${key}`, problems);
}

function parseProblems(json: Json, label: string): string[] {
  const problems: string[] = [];
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  const card = new AC.AdaptiveCard();
  card.maxVersion = AC.Versions.v1_5;
  card.parse(json, context);
  for (let index = 0; index < context.eventCount; index++)
    problems.push(`${label} parse: ${context.getEventAt(index).message}`);
  for (const event of card.validateProperties().validationEvents)
    problems.push(`${label} validation: ${event.message}`);
  // Read the version before toJSON, which stamps the context's version on the card.
  if (card.version.toString() !== '1.5') problems.push(`${label}: version ${card.version.toString()}`);
  droppedProperties(json, toJson(card.toJSON(new AC.SerializationContext(AC.Versions.v1_5))), label, problems);
  return problems;
}

/** Problems the adaptivecards parser (and Teams' limits) find in a card; [] when it is a valid 1.5 card. */
export function cardProblems(card: AdaptiveCard | Json): string[] {
  const json = toJson(card);
  const problems: string[] = [];
  if (!isObject(json) || json.version !== '1.5')
    problems.push(`card version must be "1.5", is ${isObject(json) ? JSON.stringify(json.version) : 'missing'}`);
  typesIn(json, '$', problems);
  const fallbacks: Json[] = [];
  problems.push(...parseProblems(withoutFallbacks(json, fallbacks), '$'));
  fallbacks.forEach((fallback, index) => {
    if (!isObject(fallback) || fallback.type !== 'Action.Submit')
      problems.push(`fallback ${index}: not an Action.Submit`);
    const wrapper: Json = { type: 'AdaptiveCard', version: '1.5', body: [{ type: 'ActionSet', actions: [fallback] }] };
    problems.push(
      ...parseProblems(wrapper, `fallback ${index}`).map((problem) => problem.replace('.body[0].actions[0]', '')),
    );
  });
  return problems;
}

// ---------------------------------------------------------------------------------------------------------------
// Reading cards as a user would

export function elementsOf(elements: readonly CardElement[]): CardElement[] {
  return elements.flatMap((element): CardElement[] => {
    if (element.type === 'Container') return [element, ...elementsOf(element.items)];
    if (element.type === 'ColumnSet')
      return [element, ...element.columns.flatMap((column) => elementsOf(column.items))];
    return [element];
  });
}

/** The buttons a user sees (not the refresh action). */
export function buttons(card: AdaptiveCard): CardAction[] {
  const inBody = elementsOf(card.body).flatMap((element) => (element.type === 'ActionSet' ? element.actions : []));
  return [...inBody, ...(card.actions ?? [])];
}

export function executes(card: AdaptiveCard): ExecuteAction[] {
  return buttons(card).map((action) => {
    if (action.type !== 'Action.Execute')
      throw new Error(`${action.title} is an ${action.type}, expected Action.Execute with a fallback`);
    return action;
  });
}

/** All text a user can read on the card. */
export function textOf(card: AdaptiveCard): string {
  return elementsOf(card.body)
    .flatMap((element) => {
      if (element.type === 'TextBlock') return [element.text];
      if (element.type === 'FactSet') return element.facts.map((fact) => `${fact.title}: ${fact.value}`);
      if (element.type === 'ActionSet') return element.actions.map((action) => action.title);
      return [];
    })
    .join('\n');
}
