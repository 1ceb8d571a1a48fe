// Words that never name a worker: the request's keywords, grammar, pronouns, politeness and time words. Whatever is
// left of a message once these are set aside names the person ("why can't Bob Smith sign in" → "Bob Smith").
// Words are compared in lower case, without a possessive "'s". Months are absent on purpose (April, May, June…).

const GRAMMAR = `
a an the of for to from with without on onto in into at by about via per over under up down out off
and or but nor so then than if when whenever while after before because cos cuz coz bc as due since till until
is are was were be been being am isn't isnt aren't arent wasn't wasnt weren't werent
has have had having hasn't hasnt haven't havent hadn't hadnt
do does did doing done don't dont doesn't doesnt didn't didnt
can can't cant cannot could couldn't couldnt would wouldn't wouldnt should shouldn't shouldnt
will won't wont may might must shall let
not no never any some all every each both either neither none nothing anything something everything
very really just only also too still yet again already even ever anymore any more most much many lot lots
there here where what which why how who whom whose that this these those it its
i me my mine myself we us our ours you your yours u he him his she her hers they them their theirs
i'm im i've ive i'd i'll we're we've they're they've you're you've he'd she'd
hes shes theyre thats whats whos hows it's
someone somebody anyone anybody everyone everybody one ones other another else
like ok okay yes yeah allowed allow able enable yep nope hmm um uh oh well right sure
`;

const COURTESY = `
hi hello hey hiya heya yo howdy morning afternoon evening good day dear team folks guys all everyone
please pls plz kindly thanks thank thx cheers sorry mate bot phonedesk
`;

const TIME = `
today tonight tomorrow yesterday now asap urgent urgently immediately quickly quick soon possible later
monday tuesday wednesday thursday friday saturday sunday week weekend weeks days day hours hour minutes
morning shift last next first
`;

const REQUEST_WORDS = `
help commands command menu options
status state ready setup set sorted configured enabled disabled active working works work worked
check checking checked look lookup looking show find see tell know need needs needed want wants wanted
get gets got getting give gives gave given keep keeps kept make makes made try tried trying says said say saying
add added adding register registered registering enrol enroll enrolled assign assigned put putting
change changed changing update updated updating replace replaced switch switched link linked save saved
remove removed removing delete deleted deleting disable deactivate deactivated unregister deregister erase unlink
take taken turn turned stop stopped stopping untick back fix fixed fixing clear drop rid offboard offboarded offboarding
number numbers num no. phone phones mobile mobiles cell cellphone handset device devices iphone android sim sims card
sms text texts message messages code codes otp verification pin
sign signs signed signing signin sign-in sign-on log logs logged logging login log-in logon logout log-out
signout sign-out everywhere sessions session revoke revoked revoking kick force end kill terminate
swap swapped swapping sim-swap sim-swapped stolen stole steal lost lose loses losing missing misplaced robbed
nicked mugged broke broken dropped smashed cracked
left leave leaves leaving leaver leavers quit quits quitting resigned resigning retired retiring
terminated dismissed fired longer employed company business firm job
notice resignation resign handed sacked laid redundant nuke nuked cut
use used using uses usable in-use owner owners holder belongs belong owns own owned duplicate
fig fig6 fig-6 error errors problem problems issue issues trouble fail fails failing failed stuck locked lockout
receive receives receiving received unable arrive arrives arriving arrived coming come comes came through happening
access account accounts password mfa authenticator teams app
tenant policy policies authentication method methods configuration config settings
pending request requests req queue approval approvals approve approved approving reject cancel outstanding open
instructions instruction guide steps how-to print printout send forward walkthrough
who's whose what's where's how's
details detail info information news free available new old different same correct wrong right
user users worker workers employee employees staff colleague colleagues member members person people
guy girl lady man woman starter starters store shop branch site
badge badges qr qr-code extend extends extended extending extension renew renews renewed renewing renewal
expire expires expired expiring expiry temporary temp
pin pins reset resets forgot forgotten forget forgets unlock unblock
move moving moved migrate migrating migration tap taps pass passes starts starting joiner joiners hire onboard onboarding
history histories happened trail audit past previous earlier recent changes
overview summary dashboard doing
mr mrs ms miss dr
`;

function words(list: string): string[] {
  return list.split(/\s+/).filter((word) => word !== '');
}

export const FILLER_WORDS: ReadonlySet<string> = new Set([
  ...words(GRAMMAR),
  ...words(COURTESY),
  ...words(TIME),
  ...words(REQUEST_WORDS),
]);

/**
 * Filler words that are also names ("Will Smith", "May Chen", "John Good", "Sim Lee"). Capitalised next to
 * another name, in a message that is not all capitals or title case, they are read as part of the name.
 */
/** Of those, the ones that are mostly first names: "Will can't sign in" names Will when nobody else is named. */
export const FIRST_NAME_FILLER_WORDS: ReadonlySet<string> = new Set(words('will may sim guy'));

export const NAME_LIKE_FILLER_WORDS: ReadonlySet<string> = new Set(
  words(`
will may good new ready sim sims guy job still right dear holder owner card price steps pass hire tap
`),
);
