// $select, $top, $count and $skiptoken paging for collection responses, in Graph's shapes.
import { badRequest } from './graph-error';
import type { GraphRequest } from './graph-request';

type Json = Record<string, unknown>;

const DEFAULT_PAGE_SIZE = 100;
const MAX_PAGE_SIZE = 999;
const SUPPORTED_OPTIONS = new Set(['$select', '$top', '$count', '$skiptoken', '$filter']);

/** Graph refuses query options an endpoint does not support; so does the simulator. */
export function rejectUnsupportedOptions(
  request: GraphRequest,
  allowed: readonly string[] = [...SUPPORTED_OPTIONS],
): void {
  for (const key of request.query.keys()) {
    if (key.startsWith('$') && !allowed.includes(key)) {
      throw badRequest(`Query option '${key}' is not supported on this resource.`);
    }
  }
}

/** A Graph type as $select sees it: its qualified name and the properties the simulator returns for it. */
export interface EntityType {
  name: string;
  properties: ReadonlySet<string>;
}

/** A directoryObject collection mixes types; $select may name a property of any of them. */
export function directoryObjectType(...members: EntityType[]): EntityType {
  return {
    name: 'microsoft.graph.directoryObject',
    properties: new Set(members.flatMap((member) => [...member.properties])),
  };
}

/** The $select list, validated against the type: Graph refuses an unknown property rather than answer null. */
export function selectedProperties(request: GraphRequest, type: EntityType): string[] | undefined {
  const raw = request.query.get('$select');
  if (raw === null) return undefined;
  const properties = raw
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name !== '');
  if (properties.length === 0) throw badRequest('The $select query option is empty.');
  for (const property of properties) {
    if (!type.properties.has(property))
      throw badRequest(`Could not find a property named '${property}' on type '${type.name}'.`);
  }
  return properties;
}

export function project(entity: Json, properties: readonly string[] | undefined): Json {
  if (!properties) return entity;
  const result: Json = {};
  if ('@odata.type' in entity) result['@odata.type'] = entity['@odata.type'];
  for (const property of properties) result[property] = entity[property] ?? null;
  return result;
}

export function pageSize(request: GraphRequest): number {
  const raw = request.query.get('$top');
  if (raw === null) return DEFAULT_PAGE_SIZE;
  if (!/^\d+$/.test(raw) || Number(raw) < 1 || Number(raw) > MAX_PAGE_SIZE) {
    throw badRequest(`Invalid page size specified: '${raw}'. Must be between 1 and ${MAX_PAGE_SIZE} inclusive.`);
  }
  return Number(raw);
}

function offsetFrom(request: GraphRequest): number {
  const token = request.query.get('$skiptoken');
  if (token === null) return 0;
  const decoded = /^o:(\d+)$/.exec(Buffer.from(token, 'base64url').toString('utf8'));
  if (!decoded) throw badRequest('The $skiptoken is not valid. Use the @odata.nextLink exactly as returned.');
  return Number(decoded[1]);
}

/** Whether the request asked for $count=true, which Graph allows on directory objects only as an advanced query. */
function wantsCount(request: GraphRequest): boolean {
  const raw = request.query.get('$count');
  if (raw === null || raw === 'false') return false;
  if (raw !== 'true') throw badRequest(`Invalid value '${raw}' for $count; use true or false.`);
  if ((request.headers.consistencylevel ?? '').toLowerCase() !== 'eventual') {
    throw badRequest("$count requires the request header 'ConsistencyLevel: eventual'.");
  }
  return true;
}

/**
 * One page of a collection with @odata.context, @odata.count when asked, and @odata.nextLink when more remain.
 * `toJson` shapes only the items on the page, so large collections stay cheap.
 */
export function collectionPage<T = Json>(
  request: GraphRequest,
  context: string,
  items: readonly T[],
  properties?: readonly string[],
  toJson: (item: T) => Json = (item) => item as unknown as Json,
): Json {
  const count = wantsCount(request);
  const size = pageSize(request);
  const offset = offsetFrom(request);
  const page = items.slice(offset, offset + size).map((item) => project(toJson(item), properties));
  const body: Json = { '@odata.context': `${request.serviceRoot}/$metadata#${context}` };
  if (count) body['@odata.count'] = items.length;
  if (offset + size < items.length) {
    const next = new URLSearchParams(request.query);
    next.delete('$skiptoken');
    next.set('$skiptoken', Buffer.from(`o:${offset + size}`, 'utf8').toString('base64url'));
    body['@odata.nextLink'] =
      `${request.serviceRoot}/${request.segments.map(encodeURIComponent).join('/')}?${next.toString()}`;
  }
  body.value = page;
  return body;
}
