// Finding who gets a new request's approval card, when 2,000 people have talked to phonedesk and each Graph call
// takes 50 ms: before, a profile read per person, one after another; after, the approver groups' members
// (2 paged reads, then cached) intersected with the people phonedesk can reach. Both on this code: the Notifier
// without an ApproverRoster is the old path.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type { TeamsAdapter } from '@microsoft/teams-ai';
import { AccessPolicy } from '../src/access/access-policy';
import { ApproverRoster } from '../src/access/approver-roster';
import { RequesterDirectory } from '../src/access/requester-directory';
import { Notifier } from '../src/bot/notifier';
import type { ChangeRequest } from '../src/changes/change-request';
import { createLogger } from '../src/log/logger';
import { DEMO_GROUPS, demoSeed, demoUserId } from '../src/simulator/demo-tenant';
import { generatedSeed } from '../src/simulator/generated-tenant';
import { MIGRATIONS } from '../src/storage/sqlite/migrations';
import { SqliteChangeRequestCards } from '../src/storage/sqlite/sqlite-change-request-cards';
import { SqliteConversationReferences } from '../src/storage/sqlite/sqlite-conversation-references';
import { openDatabase } from '../src/storage/sqlite/sqlite-database';
import { countingGateway } from './counting-gateway';
import { startSimulatorProcess } from './simulator-process';
import { printTable } from './table';

const PEOPLE = 2000;
const LATENCY_MS = 50;

export async function run(): Promise<void> {
  const simulator = await startSimulatorProcess([]);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'phonedesk-bench-'));
  const db = openDatabase(dir, MIGRATIONS);
  try {
    const seed = demoSeed();
    // Workers of a generated tenant, without the stores they belong to (only their profiles matter here).
    const extra = generatedSeed(PEOPLE)
      .users.filter((user) => !user.userPrincipalName.startsWith('manager'))
      .slice(0, PEOPLE)
      .map(({ manager: _manager, ...user }) => user);
    seed.users.push(...extra);
    await control(simulator.url, 'PUT', 'seed', seed);
    await control(simulator.url, 'PUT', 'latency', { fixedMs: LATENCY_MS });

    const references = new SqliteConversationReferences(db);
    const reach = (id: string) => ({
      channelId: 'msteams',
      serviceUrl: 'http://127.0.0.1:9',
      conversation: { id: `a:${id}`, conversationType: 'personal', isGroup: false, name: '' },
      user: { id: `29:${id}`, name: id },
    });
    for (const user of extra) await references.save(user.id, reach(user.id));
    for (const alias of ['hana.kim', 'victor.osei', 'tomasz.nowak'])
      await references.save(demoUserId(alias), reach(alias));

    const counted = countingGateway(simulator.url);
    const { gateway } = counted;
    const settings = {
      approverGroupIds: [DEMO_GROUPS.approvers],
      tenantAdminGroupIds: [DEMO_GROUPS.tenantAdmins],
      managerScope: 'administrative-units' as const,
    };
    const request = {
      id: 'bench',
      requester: { aadObjectId: demoUserId('priya.shah'), name: 'Priya Shah' },
      tenantWide: false,
    } as ChangeRequest;
    const notifier = (roster?: ApproverRoster): Notifier =>
      new Notifier(
        {} as TeamsAdapter,
        '',
        references,
        new SqliteChangeRequestCards(db),
        new RequesterDirectory(gateway),
        new AccessPolicy(settings),
        createLogger('silent'),
        { get: async () => undefined },
        roster,
      );

    const rows: Array<Record<string, string | number>> = [];
    const measure = async (method: string, subject: Notifier): Promise<void> => {
      for (const which of ['first', 'next']) {
        counted.reset();
        const started = performance.now();
        const approvers = await subject.approversFor(request);
        rows.push({
          method,
          announcement: which,
          'Graph calls': counted.calls(),
          'time ms': performance.now() - started,
          approvers: approvers.length,
        });
      }
    };
    await measure('before: a profile read per reachable person', notifier());
    await measure(
      'after: approver groups (cached) ∩ reachable people',
      notifier(new ApproverRoster(gateway, settings)),
    );
    printTable(`Finding approvers, ${PEOPLE + 3} people phonedesk can reach, ${LATENCY_MS} ms per Graph call`, rows);
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
    simulator.stop();
  }
}

async function control(url: string, method: string, what: string, body: unknown): Promise<void> {
  const response = await fetch(`${url}/_sim/${what}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (response.status >= 400) throw new Error(`simulator ${what}: ${response.status} ${await response.text()}`);
}
