// "Ali lost their phone", "SIM swapped": turns off SMS sign-in and signs the worker out everywhere, urgently.
import { ChangeRequestDialog, type ChangeDialogDeps } from './change-request-dialog';

export const LOST_PHONE_DIALOG = 'lostPhone';

export class LostPhoneDialog extends ChangeRequestDialog {
  constructor(deps: ChangeDialogDeps) {
    super(LOST_PHONE_DIALOG, deps, {
      needsNumber: false,
      change: { kind: 'secure-lost-phone' },
      urgent: true,
      defaultReason: (options) => options.reason ?? 'lost phone or SIM swap',
      confirmGuess: true,
    });
  }
}
