// The built-in Entra role templates the simulated tenant knows: ids and display names as Microsoft documents them
// (docs/graph-facts.md §5.2), with the descriptions a directoryRole carries.
export const ROLE_TEMPLATES: Readonly<Record<string, { displayName: string; description: string }>> = {
  'c4e39bd9-1100-46d3-8c65-fb160da0071f': {
    displayName: 'Authentication Administrator',
    description: 'Can access to view, set and reset authentication method information for any non-admin user.',
  },
  '7be44c8a-adaf-4e2a-84d6-ab2649e08a13': {
    displayName: 'Privileged Authentication Administrator',
    description:
      'Can access to view, set and reset authentication method information for any user (admin or non-admin).',
  },
  '0526716b-113d-4c15-b2c8-68e3c22b9f80': {
    displayName: 'Authentication Policy Administrator',
    description:
      'Can create and manage the authentication methods policy, tenant-wide MFA settings, and password protection policy.',
  },
  '729827e3-9c14-49f7-bb1b-9608f156bbb8': {
    displayName: 'Helpdesk Administrator',
    description: 'Can reset passwords for non-administrators and Helpdesk Administrators.',
  },
  '966707d0-3269-4727-9be2-8c3a10f19b9d': {
    displayName: 'Password Administrator',
    description: 'Can reset passwords for non-administrators and Password Administrators.',
  },
  'fe930be7-5e62-47db-91af-98c3a49a38b1': {
    displayName: 'User Administrator',
    description: 'Can manage all aspects of users and groups, including resetting passwords for limited admins.',
  },
  '62e90394-69f5-4237-9190-012177145e10': {
    displayName: 'Global Administrator',
    description:
      'Can manage all aspects of Microsoft Entra ID and Microsoft services that use Microsoft Entra identities.',
  },
  'f2ef992c-3afb-46b9-b7cf-a126ee74c451': {
    displayName: 'Global Reader',
    description: 'Can read everything that a Global Administrator can, but not update anything.',
  },
};

export const AUTHENTICATION_ADMINISTRATOR = 'c4e39bd9-1100-46d3-8c65-fb160da0071f';
export const GLOBAL_ADMINISTRATOR = '62e90394-69f5-4237-9190-012177145e10';
