// GET /groups/{id}/transitiveMembers/microsoft.graph.user: the users in a group, directly or through nested groups,
// paged like other collections ($top, @odata.nextLink) with $select and $count. Other casts are not simulated.
import { json } from '../graph-request';
import type { Route, RouteContext } from '../graph-router';
import { USER_TYPE, userResource } from '../graph-resources';
import { GraphHttpError, notFound } from '../graph-error';
import { collectionPage, rejectUnsupportedOptions, selectedProperties } from '../odata-query';
import type { UserRecord } from '../tenant';

const USER_CAST = 'microsoft.graph.user';

/** Users reached from the group through member groups, each once, in the order first met (nested cycles end). */
function transitiveUserMembers(route: RouteContext, groupId: string): UserRecord[] {
  const users = new Map<string, UserRecord>();
  const seenGroups = new Set<string>();
  const queue = [groupId];
  while (queue.length > 0) {
    const group = route.tenant.group(queue.shift()!);
    if (!group || seenGroups.has(group.id)) continue;
    seenGroups.add(group.id);
    for (const member of group.members) {
      const user = route.tenant.findUser(member);
      if (user) users.set(user.id, user);
      else queue.push(member);
    }
  }
  return [...users.values()];
}

function transitiveMembers(route: RouteContext) {
  rejectUnsupportedOptions(route.request, ['$select', '$top', '$count', '$skiptoken']);
  if (route.params.cast !== USER_CAST)
    throw new GraphHttpError(400, 'Request_UnsupportedQuery', `The cast '${route.params.cast}' is not supported here.`);
  const group = route.tenant.group(route.params.group);
  if (!group) throw notFound(route.params.group);
  const properties = selectedProperties(route.request, USER_TYPE);
  const items = transitiveUserMembers(route, group.id);
  return json(200, collectionPage(route.request, 'users', items, properties, userResource));
}

export const groupMemberRoutes: Route[] = [
  { pattern: 'groups/:group/transitiveMembers/:cast', methods: { GET: transitiveMembers } },
];
