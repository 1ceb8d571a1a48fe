import { ApproverRoster, type GroupUserPages } from '../../src/access/approver-roster';

/** Two groups, the approvers' in two pages; counts the page reads. */
function pages(): GroupUserPages & { reads: number } {
  const groups: Record<string, string[][]> = { approvers: [['A-1', 'a-2'], ['a-3']], admins: [['a-3', 'a-4']] };
  return {
    reads: 0,
    async groupUserIds(groupId, nextLink) {
      this.reads++;
      const index = nextLink ? Number(nextLink) : 0;
      const list = groups[groupId];
      return { userIds: list[index], nextLink: index + 1 < list.length ? String(index + 1) : undefined };
    },
  };
}

it('reads every page of every group once, lower-cases ids, and counts tenant admins as approvers', async () => {
  const graph = pages();
  const roster = await new ApproverRoster(graph, {
    approverGroupIds: ['approvers'],
    tenantAdminGroupIds: ['admins'],
  }).current();
  expect([...roster.approvers].sort()).toEqual(['a-1', 'a-2', 'a-3', 'a-4']);
  expect([...roster.tenantAdmins].sort()).toEqual(['a-3', 'a-4']);
  expect(graph.reads).toBe(3);
});

it('keeps the roster until it is older than its time to live, and shares one read among concurrent callers', async () => {
  const graph = pages();
  let now = 0;
  const roster = new ApproverRoster(
    graph,
    { approverGroupIds: ['approvers'], tenantAdminGroupIds: ['admins'] },
    60_000,
    () => now,
  );
  await Promise.all([roster.current(), roster.current()]);
  expect(graph.reads).toBe(3);
  now = 59_999;
  await roster.current();
  expect(graph.reads).toBe(3);
  now = 60_000;
  await roster.current();
  expect(graph.reads).toBe(6);
});

it('does not keep a failed read', async () => {
  const graph = pages();
  let fail = true;
  const flaky: GroupUserPages = {
    groupUserIds: (id, next) => (fail ? Promise.reject(new Error('Graph is down')) : graph.groupUserIds(id, next)),
  };
  const roster = new ApproverRoster(flaky, { approverGroupIds: ['approvers'], tenantAdminGroupIds: [] });
  await expect(roster.current()).rejects.toThrow('Graph is down');
  fail = false;
  expect([...(await roster.current()).approvers].sort()).toEqual(['a-1', 'a-2', 'a-3']);
});
