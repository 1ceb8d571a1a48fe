import type { Activity } from 'botbuilder';
import type { Person } from '../audit/audit-context';

/** The person behind an activity, by Entra object id; undefined when Teams did not say (refuse then). */
export function personOf(activity: Pick<Activity, 'from'>): Person | undefined {
  const id = activity.from?.aadObjectId?.trim();
  if (!id) return undefined;
  return { aadObjectId: id, name: activity.from.name?.trim() || 'someone' };
}

export const WHO_ARE_YOU =
  "I can't tell who you are, so I can't look anyone up or change anything for you. Please use phonedesk from Microsoft Teams.";
