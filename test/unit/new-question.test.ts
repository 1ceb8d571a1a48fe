// A reply to "why is this needed?" is a reason unless it is itself a new request or question: ordinary reasons
// that read like requests ("new phone", "she left") stay reasons.
import { isNewQuestion } from '../../dialogs/new-question';

const JANE = { displayName: 'Jane Doe', typed: 'Jane' };

describe('a reply while phonedesk waits for the reason for a request for Jane Doe', () => {
  it.each([
    'new starter',
    'new phone',
    'lost it on the bus',
    'she left',
    'left the company',
    'her own phone',
    'she got a new phone',
    'phone stolen',
    'sim swap',
    'number changed',
    'Jane got a new phone',
    "Jane can't sign in",
    'starting Monday',
    'because she is new',
  ])('%j is a reason', (text) => {
    expect(isNewQuestion(text, JANE)).toBe(false);
  });

  it.each([
    "why can't Bob sign in?",
    'status of Chloe Evans',
    'is Bob ready?',
    'who has 07700 900456?',
    'Ali lost his phone',
    "remove Ali's number",
    'add +44 7700 900123 for Bob Smith',
    'sign Bob out everywhere',
    'is SMS sign-in set up?',
    'pending',
    'approve 42',
    'cancel 12',
    "why can't Jane sign in?",
    'instructions for Jane',
  ])('%j is a new request or question', (text) => {
    expect(isNewQuestion(text, JANE)).toBe(true);
  });
});
