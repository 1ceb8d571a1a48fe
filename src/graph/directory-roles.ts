// The built-in Entra role templates phonedesk names in plain words, by template id (docs/graph-facts.md §5.2). A role it does not know is shown as "an admin role".
export const ROLE_TEMPLATES: Readonly<Record<string, { displayName: string }>> = {
  'c4e39bd9-1100-46d3-8c65-fb160da0071f': { displayName: 'Authentication Administrator' },
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13': { displayName: 'Privileged Authentication Administrator' },
  '0526716b-113d-4c15-b2c8-68e3c22b9f80': { displayName: 'Authentication Policy Administrator' },
  '729827e3-9c14-49f7-bb1b-9608f156bbb8': { displayName: 'Helpdesk Administrator' },
  '966707d0-3269-4727-9be2-8c3a10f19b9d': { displayName: 'Password Administrator' },
  'fe930be7-5e62-47db-91af-98c3a49a38b1': { displayName: 'User Administrator' },
  '62e90394-69f5-4237-9190-012177145e10': { displayName: 'Global Administrator' },
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451': { displayName: 'Global Reader' },
};
