// Reads across many users: registration report pages, group members, store scopes, and phone methods of several
// users at once (who holds a number). Batched over the transport; GraphGateway adds the single-user operations.
import type {
  DirectoryObject,
  PhoneAuthenticationMethod,
  User,
  UserRegistrationDetails,
} from '@microsoft/microsoft-graph-types';
import type { PhoneMethodSnapshot } from '../snapshot/sign-in-snapshot';
import { GraphTransport } from './graph-transport';
import { relativeToVersion, type Collection } from './graph-wire';
import { odataString, pathSegment, queryValue } from './odata';
import { phoneSnapshot } from './snapshot-mapping';

export class DirectoryReads extends GraphTransport {
  /** Group display names met so far (policy targets): names change rarely, and a stale one only reads oddly. */
  protected readonly groupNames = new Map<string, string>();

  /** The names of these groups, reading only those not yet known, 15 ids a request (the `in` limit). */
  async nameGroups(ids: readonly string[]): Promise<ReadonlyMap<string, string>> {
    const unknown = [...new Set(ids)].filter((id) => !this.groupNames.has(id));
    for (let start = 0; start < unknown.length; start += 15) {
      const list = unknown
        .slice(start, start + 15)
        .map(odataString)
        .join(',');
      const page = await this.call<Collection<{ id: string; displayName: string }>>(
        'groups.names',
        '/groups',
        (request) =>
          request
            .filter(queryValue(`id in (${list})`))
            .select('id,displayName')
            .get(),
      );
      for (const group of page.value) this.groupNames.set(group.id, group.displayName);
    }
    return this.groupNames;
  }

  /** One page of users with a mobile phone registered (docs/graph-facts.md §8), for the number index sweep. */
  async mobileRegistrations(
    nextLink?: string,
    pageSize = 999,
  ): Promise<{ userIds: string[]; nextLink: string | undefined }> {
    const page = nextLink
      ? await this.call<Collection<UserRegistrationDetails>>(
          'reports.mobileRegistrations',
          relativeToVersion(nextLink),
          (request) => request.get(),
        )
      : await this.call<Collection<UserRegistrationDetails>>(
          'reports.mobileRegistrations',
          '/reports/authenticationMethods/userRegistrationDetails',
          (request) =>
            request.filter(queryValue(`methodsRegistered/any(t: t eq 'mobilePhone')`)).select('id').top(pageSize).get(),
        );
    return {
      userIds: page.value.map((item) => item.id ?? '').filter((id) => id !== ''),
      nextLink: page['@odata.nextLink'],
    };
  }

  /** One page of a group's users, direct or through nested groups (src/access/approver-roster.ts reads all pages). */
  async groupUserIds(
    groupId: string,
    nextLink?: string,
    pageSize = 999,
  ): Promise<{ userIds: string[]; nextLink: string | undefined }> {
    const path = nextLink
      ? relativeToVersion(nextLink)
      : `/groups/${pathSegment(groupId)}/transitiveMembers/microsoft.graph.user`;
    const page = await this.call<Collection<DirectoryObject>>('groups.transitiveUsers', path, (request) =>
      nextLink ? request.get() : request.select('id').top(pageSize).get(),
    );
    return {
      userIds: page.value.map((item) => item.id ?? '').filter((id) => id !== ''),
      nextLink: page['@odata.nextLink'],
    };
  }

  /** Store units and manager of up to 10 users in one $batch, to check a requester's scope over them. */
  async scopesOf(
    userIds: readonly string[],
  ): Promise<Map<string, { administrativeUnitIds: string[]; managerId: string | undefined }>> {
    const items = userIds.flatMap((userId, index) => [
      {
        id: `a${index}`,
        method: 'GET' as const,
        url: `/users/${pathSegment(userId)}/transitiveMemberOf/microsoft.graph.administrativeUnit?$select=id`,
      },
      { id: `m${index}`, method: 'GET' as const, url: `/users/${pathSegment(userId)}/manager?$select=id` },
    ]);
    const responses = await this.batch('users.scopes', items);
    const result = new Map<string, { administrativeUnitIds: string[]; managerId: string | undefined }>();
    userIds.forEach((userId, index) => {
      const units = responses.get(`a${index}`);
      if (!units || units.status >= 400) return;
      const manager = responses.get(`m${index}`);
      result.set(userId, {
        administrativeUnitIds: (units.body as Collection<DirectoryObject>).value.map((unit) => unit.id ?? ''),
        managerId: manager && manager.status < 400 ? ((manager.body as DirectoryObject).id ?? undefined) : undefined,
      });
    });
    return result;
  }

  /** Names and phone methods of up to 10 users in one $batch (to confirm who holds a number). */
  async phoneMethodsWithNames(
    userIds: readonly string[],
  ): Promise<Map<string, { displayName: string; methods: PhoneMethodSnapshot[] }>> {
    const items = userIds.flatMap((userId, index) => [
      { id: `u${index}`, method: 'GET' as const, url: `/users/${pathSegment(userId)}?$select=id,displayName` },
      { id: `p${index}`, method: 'GET' as const, url: `/users/${pathSegment(userId)}/authentication/phoneMethods` },
    ]);
    const responses = await this.batch('phoneMethods.confirmHolders', items);
    const result = new Map<string, { displayName: string; methods: PhoneMethodSnapshot[] }>();
    userIds.forEach((userId, index) => {
      const user = responses.get(`u${index}`);
      const phones = responses.get(`p${index}`);
      if (!user || !phones || user.status >= 400 || phones.status >= 400) return;
      result.set(userId, {
        displayName: (user.body as User).displayName ?? userId,
        methods: (phones.body as Collection<PhoneAuthenticationMethod>).value.map(phoneSnapshot),
      });
    });
    return result;
  }

  /** Phone methods of up to 20 users in one $batch; users Graph no longer knows are left out. */
  async phoneMethodsOf(userIds: readonly string[]): Promise<Map<string, PhoneMethodSnapshot[]>> {
    const items = userIds.map((userId, index) => ({
      id: String(index),
      method: 'GET' as const,
      url: `/users/${pathSegment(userId)}/authentication/phoneMethods`,
    }));
    const responses = await this.batch('phoneMethods.listMany', items);
    const result = new Map<string, PhoneMethodSnapshot[]>();
    userIds.forEach((userId, index) => {
      const response = responses.get(String(index));
      if (response && response.status < 400)
        result.set(userId, (response.body as Collection<PhoneAuthenticationMethod>).value.map(phoneSnapshot));
    });
    return result;
  }
}
