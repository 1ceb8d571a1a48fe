// "remove Ali's number", "Ali left": removes the worker's mobile number.
import { ChangeRequestDialog, type ChangeDialogDeps, type ChangeDialogOptions } from './change-request-dialog';

export const REMOVE_NUMBER_DIALOG = 'removeNumber';

export interface RemoveNumberOptions extends ChangeDialogOptions {
  leaver?: boolean;
}

export class RemoveNumberDialog extends ChangeRequestDialog {
  constructor(deps: ChangeDialogDeps) {
    super(REMOVE_NUMBER_DIALOG, deps, {
      needsNumber: false,
      change: { kind: 'remove-number' },
      urgent: false,
      defaultReason: (options) => ((options as RemoveNumberOptions).leaver ? 'left the company' : undefined),
    });
  }
}
