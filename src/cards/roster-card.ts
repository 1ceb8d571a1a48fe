// A roster's lines checked: each valid one with what it will set up, each other with why not, in plain words, and one
// button that asks for approval of the valid lines. The button carries the roster's text: it is read and checked
// again, in full, when pressed.
import { maskGraphNumber } from '../phone/phone-number';
import { adaptiveCard, executeAction, type AdaptiveCard, type CardElement } from './adaptive-card';
import { plural, text } from './card-words';

export const ROSTER_VERB = 'roster.ask';
/** A line's verdict, as jobs/roster-check.ts gives it. */
export type LineVerdict = { line: number; raw: string } & (
  { ok: true; entry: { displayName: string; withPass: boolean; phoneNumber?: string } } | { ok: false; why: string }
);

/** Lines shown; a longer roster's other lines are counted. */
const SHOWN = 40;

function lineWords(verdict: LineVerdict): string {
  if (!verdict.ok) return `Line ${verdict.line} (${verdict.raw.slice(0, 60)}): ${verdict.why}`;
  const { entry } = verdict;
  if (entry.phoneNumber)
    return `Line ${verdict.line}: ${entry.displayName}, ${maskGraphNumber(entry.phoneNumber, 'the number')} for sign-in by text message`;
  return `Line ${verdict.line}: ${entry.displayName}, a QR badge${entry.withPass ? ' with a Temporary Access Pass first (never signed in)' : ''}`;
}

export function buildRosterCard(verdicts: readonly LineVerdict[], roster: string, leftOver: number): AdaptiveCard {
  const ready = verdicts.filter((verdict) => verdict.ok).length;
  const body: CardElement[] = [
    text(`Roster: ${plural(verdicts.length, 'line')}, ${ready} ready to set up`, { weight: 'Bolder', size: 'Medium' }),
    ...verdicts.slice(0, SHOWN).map((verdict) =>
      text(`${verdict.ok ? '✓' : '✗'} ${lineWords(verdict)}`, {
        spacing: 'Small',
        ...(!verdict.ok && { isSubtle: true }),
      }),
    ),
  ];
  if (verdicts.length > SHOWN) body.push(text(`…and ${verdicts.length - SHOWN} more lines.`, { isSubtle: true }));
  if (leftOver > 0)
    body.push(text(`${plural(leftOver, 'line')} more than phonedesk reads at once were left: send them next.`));
  body.push(
    text(
      ready > 0
        ? 'One approval covers the lines marked ✓; each is checked again when it runs. Badges and PINs come to you alone, on one printable sheet.'
        : 'Nothing here can be set up yet: correct the lines and send the roster again.',
      { isSubtle: true, separator: true },
    ),
  );
  return adaptiveCard(body, {
    ...(ready > 0 && {
      actions: [executeAction(`Ask for approval (${plural(ready, 'worker')})`, ROSTER_VERB, { roster }, 'positive')],
    }),
  });
}
