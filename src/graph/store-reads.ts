// Reads across a whole store: its members, the tenant's admins and registration report, and each method's slice for
// many workers at once, packed into $batch requests sent a few at a time (docs/graph-facts.md §9, §10).
import type { AdministrativeUnit, User, UserRegistrationDetails } from '@microsoft/microsoft-graph-types';
import { DirectoryReads } from './directory-reads';
import { toGraphFailure, type GraphFailure } from './graph-errors';
import {
  MAX_BATCH,
  answerFailure,
  relativeToVersion,
  type BatchItem,
  type BatchResponse,
  type Collection,
} from './graph-wire';
import { pathSegment, queryValue } from './odata';
import { sliceAnswers, type SnapshotSlice } from './snapshot-slice';

/** How many $batch requests a store read keeps in flight: enough to hide latency, few enough not to burst. */
export const STORE_READ_CONCURRENCY = 6;

export interface StoreUnit {
  id: string;
  displayName: string;
}

export interface StoreMember {
  id: string;
  displayName: string;
  userPrincipalName: string;
  userType: 'Member' | 'Guest';
  accountEnabled: boolean;
}

/** One user's line of the registration report, as the overview uses it. */
export interface RegistrationLine {
  id: string;
  isAdmin: boolean;
  userType: 'member' | 'guest';
  methodsRegistered: string[];
}

/** Each slice's fields for a worker, in the order the slices were given; or why they could not be read. */
export type WorkerSlices = { ok: true; slices: object[] } | { ok: false; failure: GraphFailure };

const MEMBER_FIELDS = 'id,displayName,userPrincipalName,userType,accountEnabled';

/** Runs the tasks with at most `limit` in flight, keeping their order in the results. */
async function inPool<T>(tasks: ReadonlyArray<() => Promise<T>>, limit: number): Promise<T[]> {
  const results = new Array<T>(tasks.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const index = next++;
      results[index] = await tasks[index]!();
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, tasks.length) }, worker));
  return results;
}

export class StoreReads extends DirectoryReads {
  /** Every page of a collection, following @odata.nextLink. */
  protected async allPages<T>(operation: string, path: string, query: string): Promise<T[]> {
    const items: T[] = [];
    let link: string | undefined = `${path}?${query}`;
    while (link) {
      const current: string = link;
      const page: Collection<T> = await this.call<Collection<T>>(operation, current, (request) => request.get());
      items.push(...page.value);
      link = page['@odata.nextLink'] ? relativeToVersion(page['@odata.nextLink']) : undefined;
    }
    return items;
  }

  /** Every administrative unit in the tenant (the stores helpdesk looks after), by name. */
  async allStores(): Promise<StoreUnit[]> {
    const units = await this.allPages<AdministrativeUnit>(
      'stores.list',
      '/directory/administrativeUnits',
      '$select=id,displayName&$top=999',
    );
    return units
      .map((unit) => ({ id: unit.id ?? '', displayName: unit.displayName ?? 'a store' }))
      .filter((unit) => unit.id !== '')
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** The named units (a manager's stores) in one $batch; units Graph no longer knows are left out. */
  async storesById(ids: readonly string[]): Promise<StoreUnit[]> {
    const found: StoreUnit[] = [];
    for (let start = 0; start < ids.length; start += MAX_BATCH) {
      const chunk = ids.slice(start, start + MAX_BATCH);
      const responses = await this.batch(
        'stores.get',
        chunk.map((id, index) => ({
          id: String(index),
          method: 'GET' as const,
          url: `/directory/administrativeUnits/${pathSegment(id)}?$select=id,displayName`,
        })),
      );
      chunk.forEach((id, index) => {
        const unit = responses.get(String(index));
        if (unit && unit.status < 400)
          found.push({ id, displayName: (unit.body as AdministrativeUnit).displayName ?? 'a store' });
      });
    }
    return found.sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** The store's users (groups in it are not workers), every page. */
  async storeMembers(unitId: string): Promise<StoreMember[]> {
    const members = await this.allPages<User & { '@odata.type'?: string }>(
      'stores.members',
      `/directory/administrativeUnits/${pathSegment(unitId)}/members`,
      `$select=${MEMBER_FIELDS}&$top=999`,
    );
    return members
      .filter((member) => member['@odata.type'] === undefined || member['@odata.type'] === '#microsoft.graph.user')
      .filter((member) => member.id)
      .map((member) => ({
        id: member.id!,
        displayName: member.displayName ?? member.userPrincipalName ?? member.id!,
        userPrincipalName: member.userPrincipalName ?? '',
        userType: member.userType === 'Guest' ? 'Guest' : 'Member',
        accountEnabled: member.accountEnabled !== false,
      }));
  }

  /** Every user's id in the tenant, every page (a policy that targets all users). */
  async allUserIds(): Promise<string[]> {
    const users = await this.allPages<User>('users.listIds', '/users', '$select=id&$top=999');
    return users.map((user) => user.id ?? '').filter((id) => id !== '');
  }

  /** The registration report for the whole tenant: who is an admin, and which methods each user registered. */
  async registrationReport(): Promise<Map<string, RegistrationLine>> {
    const lines = await this.allPages<UserRegistrationDetails>(
      'reports.registrationDetails',
      '/reports/authenticationMethods/userRegistrationDetails',
      '$select=id,isAdmin,userType,methodsRegistered&$top=999',
    );
    return new Map(
      lines
        .filter((line) => line.id)
        .map((line) => [
          line.id!,
          {
            id: line.id!,
            isAdmin: line.isAdmin === true,
            userType: line.userType === 'guest' ? 'guest' : 'member',
            methodsRegistered: (line.methodsRegistered ?? []).filter((method): method is string => !!method),
          },
        ]),
    );
  }

  /** The ids of every user holding a directory role, from the registration report (one short filtered read). */
  async adminIds(): Promise<Set<string>> {
    const lines = await this.allPages<UserRegistrationDetails>(
      'reports.admins',
      '/reports/authenticationMethods/userRegistrationDetails',
      `$filter=${queryValue('isAdmin eq true')}&$select=id&$top=999`,
    );
    return new Set(lines.map((line) => line.id ?? '').filter((id) => id !== ''));
  }

  /** A slice's tenant-wide reads alone (a method's policy, read fresh), mapped as the slice maps them. */
  async tenantSlice<S extends object>(slice: SnapshotSlice<S>): Promise<S> {
    const reads = slice.tenantReads ?? [];
    const responses =
      reads.length > 0
        ? await this.batch(
            'policies.read',
            reads.map((read, index) => ({ id: `t${index}`, method: 'GET' as const, url: read.url })),
          )
        : new Map<string, BatchResponse>();
    const keyOf = new Map(reads.map((read, index) => [read.id, `t${index}`]));
    return slice.map(sliceAnswers(responses, (key) => keyOf.get(key) ?? `unread.${key}`, new Map()));
  }

  /**
   * Each slice's per-worker reads for many workers, as few $batch requests as fit, STORE_READ_CONCURRENCY at a time.
   * The slices' tenant-wide reads (their policies) are read once, first. Inner 429s wait their Retry-After in the
   * batch engine, so a throttled read slows its batch and, with a bounded pool, the whole read.
   */
  async slicesOfMany(
    userIds: readonly string[],
    slices: readonly SnapshotSlice[],
    groupNames: ReadonlyMap<string, string> = new Map(),
  ): Promise<Map<string, WorkerSlices>> {
    const tenantUrls = [...new Set(slices.flatMap((slice) => (slice.tenantReads ?? []).map((read) => read.url)))];
    const tenantAnswers = new Map<string, BatchResponse>();
    if (tenantUrls.length > 0) {
      const responses = await this.batch(
        'stores.policies',
        tenantUrls.map((url, index) => ({ id: `t${index}`, method: 'GET', url })),
      );
      tenantUrls.forEach((url, index) => {
        const answer = responses.get(`t${index}`);
        if (answer) tenantAnswers.set(url, answer);
      });
    }
    const readsPerWorker = slices.reduce((sum, slice) => sum + slice.workerReads('x').length, 0);
    const perBatch = Math.max(1, Math.floor(MAX_BATCH / Math.max(1, readsPerWorker)));
    const groups: string[][] = [];
    for (let start = 0; start < userIds.length; start += perBatch) groups.push(userIds.slice(start, start + perBatch));
    const result = new Map<string, WorkerSlices>();
    await inPool(
      groups.map((group) => async () => {
        const items: BatchItem[] = group.flatMap((userId, worker) =>
          slices.flatMap((slice, index) =>
            slice
              .workerReads(pathSegment(userId))
              .map((read) => ({ id: `${worker}.${index}.${read.id}`, method: 'GET' as const, url: read.url })),
          ),
        );
        const answers = new Map(await this.batch('stores.workerSlices', items));
        for (const [url, tenant] of tenantAnswers) answers.set(`tenant:${url}`, tenant);
        group.forEach((userId, worker) => {
          // Throttled or failing still after the engine's retries: unknown, not "has none" (a 404 is "has none").
          const failed = [...answers].find(
            ([key, answer]) => key.startsWith(`${worker}.`) && (answer.status === 429 || answer.status >= 500),
          );
          if (failed) {
            result.set(userId, { ok: false, failure: answerFailure(failed[1], failed[0]) });
            return;
          }
          try {
            const mapped = slices.map((slice, index) => {
              const tenantUrlOf = new Map((slice.tenantReads ?? []).map((read) => [read.id, read.url]));
              const keyOf = (key: string): string =>
                tenantUrlOf.has(key) ? `tenant:${tenantUrlOf.get(key)}` : `${worker}.${index}.${key}`;
              return slice.map(sliceAnswers(answers, keyOf, groupNames));
            });
            result.set(userId, { ok: true, slices: mapped });
          } catch (error) {
            result.set(userId, { ok: false, failure: toGraphFailure(error) });
          }
        });
      }),
      STORE_READ_CONCURRENCY,
    );
    return result;
  }
}
