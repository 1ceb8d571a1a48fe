// Who is in the approver and tenant-admin groups, read from Graph a few pages at a time and kept for minutes, so
// that telling approvers of a request costs the same whether 20 or 2,000 people use phonedesk. It only decides
// who gets a card: a decision re-checks the clicker with a fresh profile (ChangeService.decide).
import type { AccessSettings } from './access-policy';

export interface GroupUserPages {
  groupUserIds(groupId: string, nextLink?: string): Promise<{ userIds: string[]; nextLink: string | undefined }>;
}

interface Roster {
  /** May decide ordinary requests: approver groups and tenant-admin groups. */
  approvers: ReadonlySet<string>;
  /** May decide tenant-wide requests. */
  tenantAdmins: ReadonlySet<string>;
}

const DEFAULT_TTL_MS = 5 * 60_000;

export class ApproverRoster {
  private cached: { roster: Roster; readAt: number } | undefined;
  private reading: Promise<Roster> | undefined;

  constructor(
    private readonly graph: GroupUserPages,
    private readonly settings: Pick<AccessSettings, 'approverGroupIds' | 'tenantAdminGroupIds'>,
    private readonly ttlMs = DEFAULT_TTL_MS,
    private readonly now: () => number = Date.now,
  ) {}

  /** The roster, from the cache while it is fresh; concurrent callers share one read. Object ids are lower case. */
  async current(): Promise<Roster> {
    const cached = this.cached;
    if (cached && this.now() - cached.readAt < this.ttlMs) return cached.roster;
    this.reading ??= this.read().finally(() => {
      this.reading = undefined;
    });
    return this.reading;
  }

  private async read(): Promise<Roster> {
    const [approverGroups, adminGroups] = await Promise.all([
      this.usersOf(this.settings.approverGroupIds),
      this.usersOf(this.settings.tenantAdminGroupIds),
    ]);
    const roster: Roster = { approvers: new Set([...approverGroups, ...adminGroups]), tenantAdmins: adminGroups };
    this.cached = { roster, readAt: this.now() };
    return roster;
  }

  private async usersOf(groupIds: readonly string[]): Promise<Set<string>> {
    const pages = await Promise.all(groupIds.map((groupId) => this.allPages(groupId)));
    return new Set(pages.flat().map((id) => id.toLowerCase()));
  }

  private async allPages(groupId: string): Promise<string[]> {
    const ids: string[] = [];
    let nextLink: string | undefined;
    do {
      const page = await this.graph.groupUserIds(groupId, nextLink);
      ids.push(...page.userIds);
      nextLink = page.nextLink;
    } while (nextLink);
    return ids;
  }
}
