// A Conditional Access policy as phonedesk reads it: the parts that say whom it covers and what it asks of them
// (docs/graph-facts.md §19.1). Mapped from Graph in graph/posture-reads.ts, judged in diagnosis/access-coverage.ts.

export interface ConditionalAccessSnapshot {
  id: string;
  displayName: string;
  state: 'enabled' | 'disabled' | 'reportOnly';
  users: {
    includeUsers: string[];
    excludeUsers: string[];
    includeGroups: string[];
    excludeGroups: string[];
  };
  apps: { include: string[]; exclude: string[] };
  /** Lower-case builtInControls: block, mfa, compliantDevice, domainJoinedDevice, … */
  controls: string[];
  operator: 'AND' | 'OR';
  authenticationStrength?: string;
  deviceFilter?: { mode: 'include' | 'exclude'; rule: string };
}
