// What store managers really type, UK and US: typos, no punctuation, the name first or last, the problem before
// the name with a dash or comma, leavers and lost phones in slang. Each phrase must give exactly this intent.
import type { Intent, SymptomHint } from '../../src/bot/understanding/intent';
import { parseIntent } from '../../src/bot/understanding/parse-intent';

const status = (worker: string): Intent => ({ kind: 'status', worker });
const diagnose = (worker: string, symptom: SymptomHint = 'cannot-sign-in', number?: string): Intent =>
  number === undefined ? { kind: 'diagnose', worker, symptom } : { kind: 'diagnose', worker, symptom, number };
const add = (worker?: string, number?: string): Intent => ({
  kind: 'add-number',
  ...(worker !== undefined && { worker }),
  ...(number !== undefined && { number }),
});
const remove = (worker: string, leaver: boolean): Intent => ({ kind: 'remove-number', worker, leaver });
const lost = (worker: string): Intent => ({ kind: 'lost-phone', worker });
const signOut = (worker: string): Intent => ({ kind: 'revoke-sessions', worker });
const instructions = (worker: string): Intent => ({ kind: 'instructions', worker });
const whoHas = (number: string): Intent => ({ kind: 'who-has', number });
const TENANT: Intent = { kind: 'tenant-check' };
const PENDING: Intent = { kind: 'pending' };
const HELP: Intent = { kind: 'help' };
const UNKNOWN: Intent = { kind: 'unknown' };

const PHRASINGS: ReadonlyArray<readonly [string, Intent]> = [
  // status
  ['status of Chloe Evans', status('Chloe Evans')],
  ['chloe evans status', status('chloe evans')],
  ['is julia young set up', status('julia young')],
  ['Is Julia Young all set for text sign in?', status('Julia Young')],
  ['has Dana Lee been set up yet?', status('Dana Lee')],
  ["can you check Liam Scott's sign in", status('Liam Scott')],
  ['whats the status on nina patel', status('nina patel')],
  ['is Frank Green ready to go', status('Frank Green')],
  ['Lucy Hughes sorted?', status('Lucy Hughes')],
  ['any update on Carlos Diaz', status('Carlos Diaz')],
  ["how's Emma Roberts looking", status('Emma Roberts')],
  ['look up daniel wright', status('daniel wright')],
  ['Daniel Wright - status please', status('Daniel Wright')],
  ['Kyle Adams, is he ready?', status('Kyle Adams')],
  ['M2004 status?', status('M2004')],
  ['is Jane set up for sms sign in', status('Jane')],
  ['satus of bob smith', status('bob smith')],
  ['stauts for Ali Khan', status('Ali Khan')],
  ['chek sam okafor', status('sam okafor')],
  ['whats happening with Quinn Baker', status('Quinn Baker')],

  // diagnose: the problem first, with a dash or a comma before the name
  ["can't sign in - Bob Smith", diagnose('Bob Smith')],
  ['cant sign in - bob smith', diagnose('bob smith')],
  ['not getting the code, Jane Doe', diagnose('Jane Doe')],
  ['locked out - Ali Khan', diagnose('Ali Khan')],
  ['FIG6 - Olivia Harris', diagnose('Olivia Harris', 'fig6')],
  ['fig 6 error, wendy price', diagnose('wendy price', 'fig6')],
  ['Number in use - Tom Baker', diagnose('Tom Baker', 'number-in-use')],
  ['no text coming through, Dana Lee', diagnose('Dana Lee')],
  ["Can't get the code - Adam Fox", diagnose('Adam Fox')],
  ['Code not arriving, Yasmin Cole', diagnose('Yasmin Cole')],
  ["didn't receive the text - Xavier Ward", diagnose('Xavier Ward')],
  ['ali khan - number already in use', diagnose('ali khan', 'number-in-use')],
  ["adam fox - can't get code", diagnose('adam fox')],
  ['problem signing in, Zoe Morgan', diagnose('Zoe Morgan')],
  ['no code again – Mia Turner', diagnose('Mia Turner')],
  // diagnose: "can't get the text / code"
  ["Jane can't get the text", diagnose('Jane')],
  ['Bob cant get the code', diagnose('Bob')],
  ['jane doe cant get the text message', diagnose('jane doe')],
  ["Frank can't get the sign in code", diagnose('Frank')],
  ["Carlos Diaz can't get his verification code", diagnose('Carlos Diaz')],
  ["Uma can't get the text to sign in", diagnose('Uma')],
  ['Vikram cannot get the code on his phone', diagnose('Vikram')],
  ['Lucy Hughes cant get texts', diagnose('Lucy Hughes')],
  // diagnose: other descriptions
  ["Emma isn't getting the texts", diagnose('Emma')],
  ['emma roberts not receiving code', diagnose('emma roberts')],
  ['emma roberts not recieving the code', diagnose('emma roberts')],
  ['Kyle says the code never arrives', diagnose('Kyle')],
  ["Lucy's code isn't arriving", diagnose('Lucy')],
  ["why wont julia's phone get the code", diagnose('julia')],
  ['Why does Sam get an error when signing in?', diagnose('Sam')],
  ['Sam Okafor gets an error when he tries to sign in', diagnose('Sam Okafor')],
  ["Carlos keeps getting 'wrong code'", diagnose('Carlos')],
  ['nina patel is locked out', diagnose('nina patel')],
  ['nina patel locked out of teams', diagnose('nina patel')],
  ["Liam can't log on", diagnose('Liam')],
  ['liam cant login to teams on his phone', diagnose('liam')],
  ['Daniel Wright having trouble signing in', diagnose('Daniel Wright')],
  ["problem with Daniel's sign in", diagnose('Daniel')],
  ["Bob's number is being used by someone else", diagnose('Bob', 'number-in-use')],
  ["it says Ali's number is already taken", diagnose('Ali', 'number-in-use')],
  ['Olivia Harris gets fig6 when she logs in', diagnose('Olivia Harris', 'fig6')],
  ['Olivia keeps getting FIG-6', diagnose('Olivia', 'fig6')],
  ["George Hall can't use text sign-in", diagnose('George Hall')],
  ['hannah lewis doesnt get texts', diagnose('hannah lewis')],
  ["Isaac Walker still can't sign in after you added his number", diagnose('Isaac Walker')],
  ['Jade Kim cannot sign in on the app', diagnose('Jade Kim')],
  ['quinn baker unable to sign in', diagnose('quinn baker')],
  ["Zoe Morgan isn't getting any texts for sign in", diagnose('Zoe Morgan')],
  ['sign in not working for Vikram Singh', diagnose('Vikram Singh')],
  ['Texts not coming through for Uma Reid', diagnose('Uma Reid')],
  ['Uma says she isnt getting the text', diagnose('Uma')],
  ["Zara Ahmed's phone number is someone else's", diagnose('Zara Ahmed', 'number-in-use')],
  ['mia turner gets error fig 6', diagnose('mia turner', 'fig6')],
  ['Bob Smith not able to log in since yesterday', diagnose('Bob Smith')],
  ["Dana's not getting the SMS", diagnose('Dana')],
  ['jane doe cnat sign in', diagnose('jane doe')],
  ['why cant frank green sign in??', diagnose('frank green')],
  ['bob smith dosent get the code', diagnose('bob smith')],
  ["Bob's texts got cut off, can't access teams", diagnose('Bob')],

  // who has a number
  ['whos got 07700 900301', whoHas('07700 900301')],
  ['who is using 07700 900301?', whoHas('07700 900301')],
  ['who does 07700 900456 belong to', whoHas('07700 900456')],
  ['whose is 07700 900456?', whoHas('07700 900456')],
  ['is anyone using +44 7700 900301', whoHas('+44 7700 900301')],
  ["who's the owner of 07700 900456", whoHas('07700 900456')],
  ['which employee has (425) 555-0104?', whoHas('(425) 555-0104')],
  ['number 07700 900456 - who has it?', whoHas('07700 900456')],
  ['who has this number 4255550104', whoHas('4255550104')],

  // add or change a number
  ['add 07700 900555 for emma roberts', add('emma roberts', '07700 900555')],
  ['Emma Roberts new mobile 07700 900555', add('Emma Roberts', '07700 900555')],
  ['emma roberts - new number 07700900555', add('emma roberts', '07700900555')],
  ["Can u put 07700 900555 on Emma's account", add('Emma', '07700 900555')],
  ['Peter Clark needs adding, his number is 07700 900124', add('Peter Clark', '07700 900124')],
  ['new starter - Eli Brooks, (425) 555-0199', add('Eli Brooks', '(425) 555-0199')],
  ['pls add 07700 900556 to julia young', add('julia young', '07700 900556')],
  ['Julia Young got a new phone, number is 07700 900557', add('Julia Young', '07700 900557')],
  ["change Frank Green's mobile to 07700 900151", add('Frank Green', '07700 900151')],
  ["update frank's number 07700 900151", add('frank', '07700 900151')],
  ["swap Liam's number to 07700 900210", add('Liam', '07700 900210')],
  ['Could you register 07700 900558 for Chloe', add('Chloe', '07700 900558')],
  ['set Kyle Adams up with (425) 555-0123', add('Kyle Adams', '(425) 555-0123')],
  ['Kyle Adams mobile: +1 425 555 0123', add('Kyle Adams', '+1 425 555 0123')],
  ['enroll Jade Kim with 425-555-0124', add('Jade Kim', '425-555-0124')],
  ['enrol Jade Kim on 07700 900559', add('Jade Kim', '07700 900559')],
  ['new number for Dana Lee (425) 555 0125', add('Dana Lee', '(425) 555 0125')],
  ['Bob Smith has a new phone 07700 900560', add('Bob Smith', '07700 900560')],
  ['give Ali Khan the number 07700 900561', add('Ali Khan', '07700 900561')],
  ['add a mobile for Eli Brooks', add('Eli Brooks')],
  ['set up text sign in for Peter Clark', add('Peter Clark')],
  ['Peter Clark needs setting up for sms sign in', add('Peter Clark')],
  // Without a number, a new starter gets a badge and a pass: SMS sign-in stops on 1 February 2027.
  ['new starter Holly Reed needs setting up', { kind: 'new-starter', worker: 'Holly Reed' }],
  ['pls reigster 07700 900562 for Noah White', add('Noah White', '07700 900562')],
  ['add numbr 07700 900563 for Mia', add('Mia', '07700 900563')],
  ['07700 900564 is Gabe Ortiz new cell', add('Gabe Ortiz', '07700 900564')],

  // remove a number, leavers (slang too)
  ['Chloe Evans handed in her notice', remove('Chloe Evans', true)],
  ['chloe has handed in notice', remove('chloe', true)],
  ["Bob's handed his notice in", remove('Bob', true)],
  ['Ali handed his notice in, last shift friday', remove('Ali', true)],
  ['Frank Green has handed in his resignation', remove('Frank Green', true)],
  ['Gabe Ortiz put in his two weeks', remove('Gabe Ortiz', true)],
  ['Gabe Ortiz gave his two weeks notice', remove('Gabe Ortiz', true)],
  ['Kyle gave notice', remove('Kyle', true)],
  ["kill Bob's login", remove('Bob', false)],
  ["cut off Jane Doe's login", remove('Jane Doe', false)],
  ["cut Jane's access", remove('Jane', false)],
  ['nuke their login - Sam Okafor', remove('Sam Okafor', false)],
  ["nuke Sam's login", remove('Sam', false)],
  ["kill off nina patel's sign in", remove('nina patel', false)],
  ['Ali quit, kill his login', remove('Ali', true)],
  ["Liam's leaving, cut his access", remove('Liam', true)],
  ['Mia Turner left last week', remove('Mia Turner', true)],
  ["noah white doesn't work here anymore", remove('noah white', true)],
  ["Noah White isn't with us anymore", remove('Noah White', true)],
  ['quinn baker resigned last week', remove('quinn baker', true)],
  ['Olivia Harris has been let go', remove('Olivia Harris', true)],
  ["olivia's been sacked", remove('olivia', true)],
  ['Holly Reed was laid off', remove('Holly Reed', true)],
  ['Holly Reed got made redundant', remove('Holly Reed', true)],
  ["it's Ivan Petrov's last day today", remove('Ivan Petrov', true)],
  ['remove number for Kyle Adams', remove('Kyle Adams', false)],
  ["take Lucy's number off", remove('Lucy', false)],
  ["delete frank green's old number", remove('frank green', false)],
  ["Unregister Dana Lee's phone", remove('Dana Lee', false)],
  ['Emma left the company, remove her', remove('Emma', true)],
  ['Jane Doe - leaver', remove('Jane Doe', true)],
  ['leaver: Jane Doe', remove('Jane Doe', true)],
  ['leaver - Zara Ahmed', remove('Zara Ahmed', true)],
  ['remvoe ali khans number', remove('ali khans', false)],

  // lost or stolen phone, SIM swap
  ['chloe evans lost her mobile', lost('chloe evans')],
  ["Daniel's phone got stolen last night", lost('Daniel')],
  ['daniel wright had his phone nicked', lost('daniel wright')],
  ['Daniel dropped his phone in the sink', lost('Daniel')],
  ["Frank's cell was stolen", lost('Frank')],
  ['Frank Green broke his phone', lost('Frank Green')],
  ['Sam got mugged', lost('Sam')],
  ['Liam has a new SIM', lost('Liam')],
  ['Lost phone - Liam Scott', lost('Liam Scott')],
  ["Lucy Hughes can't find her phone anywhere", lost('Lucy Hughes')],
  ['Julia’s sim was swapped', lost('Julia')],
  ['Kyle Adams was hit by a sim swap', lost('Kyle Adams')],
  ["Uma's phone is missing", lost('Uma')],
  ['Adam Fox misplaced his mobile', lost('Adam Fox')],
  ['phone stolen, Carlos Diaz', lost('Carlos Diaz')],

  // sign out everywhere
  ['log Ali out of everything', signOut('Ali')],
  ['sign Carlos out on all devices', signOut('Carlos')],
  ['kick Dana out of teams', signOut('Dana')],
  ["kill bob's sessions", signOut('bob')],
  ['force log out for Jane Doe', signOut('Jane Doe')],
  ['Emma Roberts needs logging out of all devices', signOut('Emma Roberts')],
  ['sign julia out everywhere pls', signOut('julia')],
  ['can you sign out Vikram Singh on all his devices', signOut('Vikram Singh')],

  // instructions
  ['send the instructions to Quinn Baker', instructions('Quinn Baker')],
  ['how does Eli Brooks sign in', instructions('Eli Brooks')],
  ['steps for Eli to sign in', instructions('Eli')],
  ['can I get a printout for Jade Kim', instructions('Jade Kim')],
  ['Guide for Ivan Petrov please', instructions('Ivan Petrov')],
  ["Dana Lee doesn't know how to log in", instructions('Dana Lee')],
  ['walkthrough for Uma', instructions('Uma')],
  ['instrucitons for Jane Doe', instructions('Jane Doe')],

  // the tenant
  ['is sms sign in switched on?', TENANT],
  ['check the sms policy', TENANT],
  ['is SMS sign-in enabled in our tenant', TENANT],
  ['are we set up for sms sign in?', TENANT],
  ['tenant settings', TENANT],
  ['Does our tenant allow SMS sign in', TENANT],

  // pending requests
  ['anything waiting for me to approve', PENDING],
  ['show my requests', PENDING],
  ["what's pending", PENDING],
  ['have my requests been approved yet', PENDING],
  ['any approvals outstanding', PENDING],
  ['whats in the queue', PENDING],
  ['list open requests', PENDING],

  // request commands
  ['approve 17', { kind: 'approve', requestNumber: 17 }],
  ['approved #17', { kind: 'approve', requestNumber: 17 }],
  ['ok approve 17', { kind: 'approve', requestNumber: 17 }],
  ['reject 18 wrong number', { kind: 'reject', requestNumber: 18, note: 'wrong number' }],
  ['decline 18 - not one of ours', { kind: 'reject', requestNumber: 18, note: 'not one of ours' }],
  ['deny request 19', { kind: 'reject', requestNumber: 19 }],
  ['cancel request 20', { kind: 'cancel', requestNumber: 20 }],
  ['cancel #20 please', { kind: 'cancel', requestNumber: 20 }],
  ['withdraw my request 21', { kind: 'cancel', requestNumber: 21 }],
  ['forget it', { kind: 'cancel' }],
  ['nevermind', { kind: 'cancel' }],

  // help
  ['help me', HELP],
  ['what can u do', HELP],
  ['how does this work?', HELP],
  ['commands pls', HELP],
  ['Hiya', HELP],
  ['Morning!', HELP],
  ['what do i type', HELP],

  // nothing phonedesk does (the bot then offers the nearest things it can do)
  ['cheers mate', UNKNOWN],
  ['lol', UNKNOWN],
  ['asdfgh', UNKNOWN],
  ['the weather is nice today', UNKNOWN],
  ['Bob', UNKNOWN],
  ['bob smiht', UNKNOWN],
];

describe('manager phrasings: each reads as the intent a person means', () => {
  it('has at least 150 different phrasings', () => {
    expect(PHRASINGS.length).toBeGreaterThanOrEqual(150);
    expect(new Set(PHRASINGS.map(([text]) => text)).size).toBe(PHRASINGS.length);
  });

  it.each(PHRASINGS)('%j', (text, expected) => {
    expect(parseIntent(text)).toStrictEqual(expected);
  });
});
