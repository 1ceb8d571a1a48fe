// "sign Ali out everywhere": revokes the worker's sessions.
import { ChangeRequestDialog, type ChangeDialogDeps } from './change-request-dialog';

export const SIGN_OUT_DIALOG = 'signOut';

export class SignOutDialog extends ChangeRequestDialog {
  constructor(deps: ChangeDialogDeps) {
    super(SIGN_OUT_DIALOG, deps, { needsNumber: false, change: { kind: 'revoke-sessions' }, urgent: false });
  }
}
