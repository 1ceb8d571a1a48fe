// "add +44 7700 900123 for Jane Doe": adds the mobile number, or replaces it when the worker has one.
import { ChangeRequestDialog, type ChangeDialogDeps } from './change-request-dialog';

export const ADD_NUMBER_DIALOG = 'addNumber';

export class AddNumberDialog extends ChangeRequestDialog {
  constructor(deps: ChangeDialogDeps) {
    super(ADD_NUMBER_DIALOG, deps, {
      needsNumber: true,
      change: (phoneNumber, worker) => ({ kind: worker.hasMobile ? 'replace-number' : 'add-number', phoneNumber }),
      urgent: false,
    });
  }
}
