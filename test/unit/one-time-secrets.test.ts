// One-time secrets (a badge's QR code, a PIN, a Temporary Access Pass): hidden everywhere but the requester's
// delivery card, PINs Graph will not refuse, and a delivery card whose QR image scans back to the very code.
import { randomBytes, randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import util from 'node:util';
import type { AdaptiveCard, CardElement } from '../../src/cards/adaptive-card';
import { buildHandoverCard, buildHandoverDoneCard, handoverWhat } from '../../src/cards/handover-card';
import { qrPngDataUri, qrText } from '../../src/cards/qr-png';
import { createLogger } from '../../src/log/logger';
import type { Handover } from '../../src/methods/handover';
import { makePin, weakPin } from '../../src/methods/qr-code-pin/pin-maker';
import { Secret } from '../../src/secret/secret';
import { buttons, cardProblems, elementsOf, executes, textOf } from '../helpers/card-validator';
import { scanPng } from '../helpers/handover';

// ---------------------------------------------------------------------------------------------------------------
// Secret

describe('Secret', () => {
  // Letters as well as digits, so the logger's phone masking cannot hide a leak.
  const value = `otp-${randomBytes(12).toString('hex')}-Zq`;
  const secret = new Secret(value);

  it('gives its value through reveal() alone', () => {
    expect(secret.reveal()).toBe(value);
  });

  it.each<[string, () => string]>([
    ['JSON.stringify of an object holding it', () => JSON.stringify({ handover: { pin: secret }, list: [secret] })],
    ['a template string', () => `the PIN is ${secret}`],
    ['String()', () => String(secret)],
    ['string concatenation', () => 'PIN: ' + secret],
    ['util.inspect of it', () => util.inspect(secret)],
    ['util.inspect of an object holding it', () => util.inspect({ a: { b: { pin: secret } } }, { depth: 10 })],
    ['util.inspect without custom inspectors', () => util.inspect(secret, { showHidden: true, customInspect: false })],
    ['util.format %s %o %O %j', () => util.format('%s %o %O %j', secret, secret, secret, secret)],
    ['an error message', () => new Error(`create failed for ${secret}`).message],
  ])('never shows its value in %s', (_label, render) => {
    const shown = render();
    expect(shown).not.toContain(value);
    expect(shown.length).toBeGreaterThan(0);
  });

  it('says "[secret]" where it stands, so a reader knows something was left out', () => {
    expect(`${secret}`).toBe('[secret]');
    expect(JSON.parse(JSON.stringify({ pin: secret }))).toEqual({ pin: '[secret]' });
  });

  it('never reaches a log line, as a field, nested, in a list, in the message or in an error', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        lines.push(chunk.toString());
        callback();
      },
    });
    const logger = createLogger('trace', sink);
    // Field names the logger does not redact by name: only Secret itself can hide the value here.
    logger.info({ pin: secret, handover: { code: { rawContent: secret } }, list: [secret] }, 'made %s', secret);
    logger.debug(`handing over ${secret}`);
    logger.trace(secret, 'a secret as the merge object');
    logger.error({ err: new Error(`Graph refused ${secret}`) }, 'create failed');
    const written = lines.join('');
    expect(lines).toHaveLength(4);
    expect(written).toContain('create failed');
    expect(written).not.toContain(value);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// PINs

/** Graph's PIN rules (docs/graph-facts.md §17.4), written apart from pin-maker.ts and the simulator, a little stricter. */
function graphRefuses(pin: string, policyLength: number): string | undefined {
  if (!/^\d+$/.test(pin)) return 'not digits only';
  if (pin.length < 8 || pin.length > 20) return 'not 8-20 long';
  if (pin.length < policyLength) return 'shorter than the policy';
  const digits = [...pin].map(Number);
  const steps = digits.slice(1).map((digit, index) => (digit - digits[index]! + 10) % 10);
  if (steps.every((step) => step === 1)) return 'an ascending sequence';
  if (steps.every((step) => step === 9)) return 'a descending sequence';
  // A repeated 1-3 digit group, even one cut short at the end ("1231231").
  for (const size of [1, 2, 3])
    if (digits.every((digit, index) => index < size || digit === digits[index - size]))
      return `a repeated ${size}-digit group`;
  return undefined;
}

describe('the rule check in this test', () => {
  // The check must itself catch what Graph documents, or the PIN tests below would prove nothing.
  it.each(['01234567', '98765432', '0123456789', '11111111', '12121212', '123123123', '1234567', '1234abcd'])(
    'refuses %s',
    (pin) => {
      expect(graphRefuses(pin, 8)).toBeDefined();
    },
  );

  it('refuses a PIN shorter than the policy length', () => {
    expect(graphRefuses('30582947', 10)).toBe('shorter than the policy');
  });

  it('accepts an ordinary PIN', () => {
    expect(graphRefuses('30582947', 8)).toBeUndefined();
  });
});

describe('makePin', () => {
  it.each([
    [4, 8],
    [8, 8],
    [10, 10],
    [20, 20],
    [30, 20],
  ])('for a policy length of %i makes a PIN of %i digits', (policyLength, length) => {
    const pin = makePin(policyLength);
    expect(pin).toBeInstanceOf(Secret);
    expect(pin.reveal()).toMatch(/^\d+$/);
    expect(pin.reveal()).toHaveLength(length);
  });

  it.each([8, 10, 20])('never makes a PIN Graph would refuse (policy length %i, 2000 PINs)', (policyLength) => {
    const refused = Array.from({ length: 2000 }, () => makePin(policyLength).reveal())
      .map((pin) => [pin, graphRefuses(pin, policyLength)])
      .filter(([, why]) => why !== undefined);
    expect(refused).toEqual([]);
  });

  it('makes a different PIN each time', () => {
    const pins = new Set(Array.from({ length: 2000 }, () => makePin(8).reveal()));
    expect(pins.size).toBeGreaterThanOrEqual(1990);
  });

  it('never makes a PIN weakPin flags', () => {
    const weak = Array.from({ length: 2000 }, () => makePin(8).reveal()).filter(weakPin);
    expect(weak).toEqual([]);
  });
});

describe('weakPin', () => {
  it.each([
    ['12345678', 'an ascending sequence'],
    ['87654321', 'a descending sequence'],
    ['30512347', 'three ascending digits inside'],
    ['30598747', 'three descending digits inside'],
    ['30555829', 'one digit three times inside'],
    ['11111111', 'one digit repeated'],
    ['12121212', 'a repeated 2-digit group'],
    ['131131131', 'a repeated 3-digit group'],
    ['13571357', 'a repeated 4-digit group'],
    ['13571357135713571357', 'a 4-digit group repeated to 20 digits'],
    ['13813813', 'a 3-digit group repeated part-way'],
    ['1381381381', 'a 3-digit group repeated part-way, longer'],
  ])('flags %s (%s)', (pin) => {
    expect(weakPin(pin)).toBe(true);
  });

  it.each([
    ['30582947', 'no run, no repeat'],
    ['11223344', 'pairs, never three in a row'],
    ['24681357', 'steps of two are not a run'],
    ['90817263', 'no neighbouring digits in a row'],
    ['1357135780', 'a group twice, then other digits'],
  ])('accepts %s (%s)', (pin) => {
    expect(weakPin(pin)).toBe(false);
  });
});

// ---------------------------------------------------------------------------------------------------------------
// The delivery card

const WORKER = 'Jane Doe';
const REQUEST_ID = randomUUID();
const EXPIRES = '2027-03-01T17:00:00Z';

interface Badge {
  /** The text the QR symbol encodes: what a phone reads when it scans it. */
  text: string;
  /** The private part of it, which must appear nowhere but inside the picture. */
  key: string;
  handover: Handover;
}

function badge(temporary: boolean, pin?: string): Badge {
  const key = randomBytes(32).toString('base64url');
  const text = `ms-qrpin:v1|jane.doe@contoso.example|${randomUUID()}|${key}`;
  const rawContent = new Secret(Buffer.from(text, 'utf8').toString('base64'));
  return {
    text,
    key,
    handover: {
      code: { rawContent, codeId: randomUUID(), expireDateTime: EXPIRES, temporary },
      ...(pin !== undefined && { pin: new Secret(pin) }),
    },
  };
}

async function deliveryCard(handover: Handover): Promise<AdaptiveCard> {
  return buildHandoverCard({
    requestId: REQUEST_ID,
    worker: WORKER,
    store: 'Leeds Kirkgate',
    handover,
    ...(handover.code && { qrPng: await qrPngDataUri(handover.code.rawContent) }),
  });
}

function images(card: AdaptiveCard): Extract<CardElement, { type: 'Image' }>[] {
  return elementsOf(card.body).flatMap((element) => (element.type === 'Image' ? [element] : []));
}

/** What every button carries (data, fallbacks' data, a link's URL), as JSON. */
function actionData(card: AdaptiveCard): string {
  return JSON.stringify(
    buttons(card).flatMap((action): unknown[] => {
      if (action.type === 'Action.OpenUrl') return [action.url];
      return action.type === 'Action.Execute' && action.fallback ? [action.data, action.fallback.data] : [action.data];
    }),
  );
}

describe('qrText', () => {
  it('decodes Graph base64 rawContent to the text the symbol encodes', () => {
    const { text, handover } = badge(false);
    expect(qrText(handover.code!.rawContent)).toBe(text);
  });
});

describe('the delivery card of a badge', () => {
  const pin = makePin(8).reveal();
  const issued = badge(false, pin);
  let card: AdaptiveCard;

  beforeAll(async () => {
    card = await deliveryCard(issued.handover);
  });

  it('says whose badge it is and shows the PIN', () => {
    expect(textOf(card)).toContain("Jane Doe's badge");
    expect(textOf(card)).toContain(`Temporary PIN: ${pin}`);
  });

  it('has one QR image, a PNG that scans to exactly the code Graph issued', () => {
    const [image, ...more] = images(card);
    expect(more).toEqual([]);
    expect(image!.url).toMatch(/^data:image\/png;base64,/);
    expect(scanPng(image!.url)).toBe(issued.text);
    expect(image!.altText).not.toContain(issued.key);
  });

  it("says the badge works until it expires, not that it needs the worker's own PIN", () => {
    expect(textOf(card)).toContain('Works until');
    expect(textOf(card)).not.toMatch(/Works with .*own PIN/);
  });

  it('has one button, "Mark handed over", carrying the request id and nothing secret', () => {
    const [done, ...more] = executes(card);
    expect(more).toEqual([]);
    expect(done!.title).toBe('Mark handed over');
    expect(done!.verb).toBe('handover.done');
    expect(done!.data).toEqual({ requestId: REQUEST_ID });
    expect(done!.fallback?.data).toEqual({ requestId: REQUEST_ID, verb: 'handover.done' });
    const data = actionData(card);
    for (const secret of [pin, issued.key, issued.text, issued.handover.code!.rawContent.reveal()])
      expect(data).not.toContain(secret);
  });

  it('carries the code only inside the picture, never as text', () => {
    const json = JSON.stringify(card);
    expect(json).not.toContain(issued.key);
    expect(json).not.toContain(issued.handover.code!.rawContent.reveal());
  });

  it('is a valid Adaptive Card', () => {
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('the delivery card of a temporary code', () => {
  it("says the code works with the worker's own PIN, and shows no PIN", async () => {
    const issued = badge(true);
    const card = await deliveryCard(issued.handover);
    expect(textOf(card)).toContain('The temporary code for Jane Doe');
    expect(textOf(card)).toContain("Works with Jane Doe's own PIN until");
    expect(textOf(card)).not.toContain('Temporary PIN');
    expect(scanPng(images(card)[0]!.url)).toBe(issued.text);
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('the delivery card of a new PIN alone', () => {
  it('shows the PIN and no image, and is valid as it stands', async () => {
    const pin = makePin(8).reveal();
    const card = await deliveryCard({ pin: new Secret(pin) });
    expect(images(card)).toEqual([]);
    expect(textOf(card)).toContain("Jane Doe's new PIN");
    expect(textOf(card)).toContain(`Temporary PIN: ${pin}`);
    expect(actionData(card)).not.toContain(pin);
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('the delivery card of a Temporary Access Pass', () => {
  it('shows the pass and no image, and keeps the pass out of the button', async () => {
    const pass = `Tap${randomBytes(6).toString('hex')}!`;
    const card = await deliveryCard({
      pass: {
        id: 'a3c1e9f0-6d2b-4c71-9a0e-5f8b7d2c4e61',
        pass: new Secret(pass),
        startDateTime: '2027-03-01T09:00:00Z',
        expireDateTime: EXPIRES,
        usableOnce: true,
      },
    });
    expect(images(card)).toEqual([]);
    expect(textOf(card)).toContain('The Temporary Access Pass for Jane Doe');
    expect(textOf(card)).toContain(`Temporary Access Pass: ${pass}`);
    expect(textOf(card)).toContain(', once');
    expect(actionData(card)).not.toContain(pass);
    expect(cardProblems(card)).toEqual([]);
  });
});

describe('the card that replaces it', () => {
  it.each([
    ['handed-over', /handed over/],
    ['a-day-passed', /A day has passed/],
  ] as const)('(%s) says what was handed over and why it is gone, with no secret left', async (reason, why) => {
    const pin = makePin(8).reveal();
    const issued = badge(false, pin);
    const what = handoverWhat(WORKER, issued.handover);
    const card = buildHandoverDoneCard(what, reason);
    const json = JSON.stringify(card);
    expect(textOf(card)).toContain(what);
    expect(textOf(card)).toMatch(why);
    expect(json).not.toContain(pin);
    expect(json).not.toContain('data:');
    expect(json).not.toContain(issued.key);
    // The "Mark handed over" button is gone with the secret.
    expect(buttons(card)).toEqual([]);
    expect(cardProblems(card)).toEqual([]);
  });

  it('reads differently for a handover and for a day passing', () => {
    expect(textOf(buildHandoverDoneCard("Jane Doe's badge", 'handed-over'))).not.toBe(
      textOf(buildHandoverDoneCard("Jane Doe's badge", 'a-day-passed')),
    );
  });
});

describe('handoverWhat', () => {
  const code = (temporary: boolean): Handover['code'] => badge(temporary).handover.code;
  it.each<[string, Handover]>([
    ["Jane Doe's badge", { code: code(false), pin: new Secret('30582947') }],
    ['The temporary code for Jane Doe', { code: code(true) }],
    ["Jane Doe's new PIN", { pin: new Secret('30582947') }],
    [
      'The Temporary Access Pass for Jane Doe',
      {
        pass: {
          id: 'a3c1e9f0-6d2b-4c71-9a0e-5f8b7d2c4e61',
          pass: new Secret('TapPass123!'),
          startDateTime: EXPIRES,
          expireDateTime: EXPIRES,
          usableOnce: false,
        },
      },
    ],
  ])('names "%s"', (what, handover) => {
    expect(handoverWhat(WORKER, handover)).toBe(what);
  });
});
