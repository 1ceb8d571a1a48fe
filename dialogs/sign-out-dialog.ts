// "sign Ali out everywhere": revokes the worker's sessions.
import type { BotDependencies } from '../src/bot/bot-dependencies';
import { ChangeRequestDialog } from './change-request-dialog';

export const SIGN_OUT_DIALOG = 'signOut';

export class SignOutDialog extends ChangeRequestDialog {
  constructor(deps: BotDependencies) {
    super(SIGN_OUT_DIALOG, deps, { needsNumber: false, change: { kind: 'revoke-sessions' }, urgent: false });
  }
}
