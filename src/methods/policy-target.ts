// A target of an authentication method policy (SMS, QR code) in a store manager's words.

/** "the group Frontline workers" / "all users" / "the user themselves". */
export function describeTarget(target: { id: string; targetType: string; displayName?: string }): string {
  if (target.id === 'all_users') return 'all users';
  if (target.targetType === 'user') return 'them directly';
  return target.displayName ? `the group "${target.displayName}"` : `a group (id ${target.id})`;
}
