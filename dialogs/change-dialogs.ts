// One conversation per way a change is asked for, made from the method modules' asks (methods/registry.ts): "add
// +44 7700 900123 for Jane Doe", "remove Ali's number", "Ali lost their phone", "sign Ali out everywhere".
import { CHANGE_ASKS } from '../src/methods/registry';
import { ChangeRequestDialog, type ChangeDialogDeps } from './change-request-dialog';

export function changeDialogs(deps: ChangeDialogDeps): ChangeRequestDialog[] {
  return CHANGE_ASKS.map((ask) => new ChangeRequestDialog(ask.dialogId, deps, ask));
}
