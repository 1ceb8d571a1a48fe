// QR code + PIN as Graph documents it (docs/graph-facts.md §17): the tenant's policy, and per user at most one method
// with a standard code, a temporary code and a PIN. Secrets (the code's private key, the PIN) leave only in the answer
// that creates them; the tenant keeps only their verifiers (verifier.ts), to check a played sign-in.
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { graphDateTime } from './graph-time';
import { GraphHttpError, badRequest, notFound } from './graph-error';
import { checkTargetsExist, notAllowedBy, type MethodTargets } from './method-policy';
import { qrSvg } from './qr-symbol';
import { matches, verifierOf } from './verifier';
import type { Seed, SeedQrCode, SeedQrCodePin, SeedQrCodePinPolicy } from './seed';
import type { TenantDirectory } from './tenant-directory';
import { SeedError, type UserRecord } from './tenant-records';

export type QrCodePinPolicyRecord = MethodTargets &
  Pick<SeedQrCodePinPolicy, 'pinLength' | 'standardQRCodeLifetimeInDays'>;

/** Graph's defaults when the tenant never configured the method. */
const DEFAULT_POLICY: QrCodePinPolicyRecord = {
  state: 'disabled',
  includeTargets: [],
  excludeTargets: [],
  pinLength: 8,
  standardQRCodeLifetimeInDays: 365,
};

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const MAX_STANDARD_DAYS = 395;
/** What Graph shows as lastUsedDateTime for a code never used. */
export const NEVER_USED = '0001-01-01T00:00:00Z';

export interface QrCodeRecord {
  id: string;
  createdDateTime: string;
  startDateTime: string;
  expireDateTime: string;
  lastUsedDateTime: string | undefined;
  /** The hash of what the symbol encodes; none for a code from a seed (its content was never issued). */
  verifier?: string;
}

export interface QrCodePinRecord {
  id: string;
  createdDateTime: string;
  standardQRCode: QrCodeRecord | undefined;
  temporaryQRCode: QrCodeRecord | undefined;
  pin: { createdDateTime: string; updatedDateTime: string; forceChangePinNextSignIn: boolean; verifier?: string };
}

/** What a worker presents when signing in with a badge: the scanned content and the PIN typed, when played so. */
export interface BadgeProof {
  content?: string;
  pin?: string;
}

/** A code as just created: its image, returned once. */
export interface IssuedCode {
  code: QrCodeRecord;
  image: { binaryValue: string; rawContent: string; version: number; errorCorrectionLevel: 'l' };
}

function dateOf(value: unknown, name: string): Date | undefined {
  if (value === undefined || value === null) return undefined;
  const time = typeof value === 'string' ? Date.parse(value) : NaN;
  if (!Number.isFinite(time)) throw badRequest(`The property '${name}' must be a date and time.`, 'badRequest');
  return new Date(time);
}

/** Digits, 8–20 and at least the policy's length, no sequence or repeated group (docs/graph-facts.md §17.4). */
function pinProblem(pin: unknown, pinLength: number): GraphHttpError | undefined {
  if (typeof pin !== 'string' || !/^\d+$/.test(pin) || pin.length < Math.max(8, pinLength))
    return badRequest(`The PIN must be digits only and at least ${Math.max(8, pinLength)} long.`, 'pinTooShort');
  if (pin.length > 20) return badRequest('The PIN must be at most 20 digits long.', 'pinTooLong');
  const steps = [...pin].slice(1).map((digit, index) => Number(digit) - Number(pin[index]));
  const sequence = steps.every((step) => step === 1) || steps.every((step) => step === -1);
  const repeated = [1, 2, 3].some((size) => pin === pin.slice(0, size).repeat(pin.length / size));
  if (sequence || repeated)
    return badRequest('The PIN must not be a sequence or a repeated group of digits.', 'pinTooWeak');
  return undefined;
}

export class QrCodePins {
  private readonly methods = new Map<string, QrCodePinRecord>();
  private current: QrCodePinPolicyRecord;

  constructor(
    private readonly directory: TenantDirectory,
    seed: Seed,
  ) {
    this.current = seed.qrCodePinPolicy ? { ...seed.qrCodePinPolicy } : { ...DEFAULT_POLICY };
    try {
      checkTargetsExist(directory, this.current);
    } catch (error) {
      throw new SeedError(`qrCodePinPolicy: ${(error as Error).message}`);
    }
    for (const user of seed.users) if (user.qrCodePin) this.load(user.id, user.qrCodePin);
  }

  private load(userId: string, seed: SeedQrCodePin): void {
    const created = seed.createdDateTime ?? seed.standardQRCode?.startDateTime ?? '2026-01-01T00:00:00Z';
    const code = (item: SeedQrCode | undefined): QrCodeRecord | undefined =>
      item && {
        id: item.id ?? randomUUID(),
        createdDateTime: item.startDateTime,
        startDateTime: item.startDateTime,
        expireDateTime: item.expireDateTime,
        lastUsedDateTime: item.lastUsedDateTime,
      };
    this.methods.set(userId, {
      id: seed.id ?? randomUUID(),
      createdDateTime: created,
      standardQRCode: code(seed.standardQRCode),
      temporaryQRCode: code(seed.temporaryQRCode),
      pin: {
        createdDateTime: created,
        updatedDateTime: created,
        forceChangePinNextSignIn: seed.forceChangePinNextSignIn ?? false,
      },
    });
  }

  policy(): QrCodePinPolicyRecord {
    return this.current;
  }

  updatePolicy(change: Partial<QrCodePinPolicyRecord>): void {
    const next = { ...this.current, ...change };
    checkTargetsExist(this.directory, next);
    this.current = next;
  }

  find(user: UserRecord): QrCodePinRecord | undefined {
    return this.methods.get(user.id);
  }

  method(user: UserRecord): QrCodePinRecord {
    const method = this.methods.get(user.id);
    if (!method) throw notFound('qrCodePinMethod');
    return method;
  }

  private issue(user: UserRecord, start: Date, expire: Date, now: Date): IssuedCode {
    const code: QrCodeRecord = {
      id: randomUUID(),
      createdDateTime: graphDateTime(now),
      startDateTime: graphDateTime(start),
      expireDateTime: graphDateTime(expire),
      lastUsedDateTime: undefined,
    };
    const secret = randomBytes(32).toString('base64url');
    const raw = `ms-qrpin:v1|${user.userPrincipalName}|${code.id}|${secret}`;
    code.verifier = verifierOf(raw);
    return {
      code,
      image: {
        binaryValue: Buffer.from(qrSvg(raw)).toString('base64'),
        rawContent: Buffer.from(raw).toString('base64'),
        version: 1,
        errorCorrectionLevel: 'l',
      },
    };
  }

  private standardPeriod(body: Record<string, unknown>, now: Date): { start: Date; expire: Date } {
    const start = dateOf(body.startDateTime, 'startDateTime') ?? now;
    const expire =
      dateOf(body.expireDateTime, 'expireDateTime') ??
      new Date(start.getTime() + this.current.standardQRCodeLifetimeInDays * DAY_MS);
    this.checkStandardExpiry(start, expire, now);
    return { start, expire };
  }

  private checkStandardExpiry(start: Date, expire: Date, now: Date): void {
    if (expire.getTime() <= Math.max(start.getTime(), now.getTime()))
      throw badRequest('The expireDateTime must be after the startDateTime and in the future.', 'badRequest');
    if (expire.getTime() - start.getTime() > MAX_STANDARD_DAYS * DAY_MS)
      throw badRequest(`A standard QR code can last at most ${MAX_STANDARD_DAYS} days.`, 'badRequest');
  }

  private allowed(user: UserRecord): void {
    const refusal = notAllowedBy(this.directory, this.current, user, 'QR code');
    if (refusal) throw badRequest(refusal, 'badRequest');
  }

  /** PUT …/qrCodePinMethod: a standard code and the PIN, both required; a second method is refused. */
  create(
    user: UserRecord,
    body: Record<string, unknown>,
    now: Date,
  ): { method: QrCodePinRecord; issued: IssuedCode; pin: string } {
    if (body.temporaryQRCode !== undefined && body.temporaryQRCode !== null)
      throw badRequest(
        'A temporary QR code cannot be created with the method; create the standard one.',
        'standardQRCodeRequired',
      );
    const standard = body.standardQRCode;
    if (standard === null || typeof standard !== 'object' || Array.isArray(standard))
      throw badRequest('The standardQRCode is required.', 'standardQRCodeRequired');
    const pinBody = body.pin as Record<string, unknown> | null | undefined;
    if (pinBody === null || typeof pinBody !== 'object') throw badRequest('The pin is required.', 'pinTooShort');
    if (this.methods.has(user.id))
      throw badRequest('The user already has a QR code PIN authentication method.', 'tooManyQRCodePinMethod');
    this.allowed(user);
    const problem = pinProblem(pinBody.code, this.current.pinLength);
    if (problem) throw problem;
    const { start, expire } = this.standardPeriod(standard as Record<string, unknown>, now);
    const issued = this.issue(user, start, expire, now);
    const method: QrCodePinRecord = {
      id: randomUUID(),
      createdDateTime: graphDateTime(now),
      standardQRCode: issued.code,
      temporaryQRCode: undefined,
      pin: {
        createdDateTime: graphDateTime(now),
        updatedDateTime: graphDateTime(now),
        forceChangePinNextSignIn: true,
        verifier: verifierOf(pinBody.code as string),
      },
    };
    this.methods.set(user.id, method);
    return { method, issued, pin: pinBody.code as string };
  }

  deleteMethod(user: UserRecord): void {
    this.method(user);
    this.methods.delete(user.id);
  }

  /** PATCH …/standardQRCode: a new code when none is active, else a new expiry (only that may change). */
  patchStandard(
    user: UserRecord,
    body: Record<string, unknown>,
    now: Date,
  ): { code: QrCodeRecord; issued?: IssuedCode } {
    const method = this.method(user);
    const active = method.standardQRCode && Date.parse(method.standardQRCode.expireDateTime) > now.getTime();
    if (!active) {
      this.allowed(user);
      const { start, expire } = this.standardPeriod(body, now);
      const issued = this.issue(user, start, expire, now);
      method.standardQRCode = issued.code;
      return { code: issued.code, issued };
    }
    const code = method.standardQRCode!;
    const other = Object.keys(body).find((key) => key !== 'expireDateTime' && key !== '@odata.type');
    if (other)
      throw badRequest(`Only expireDateTime can be changed on an active QR code, not '${other}'.`, 'badRequest');
    const expire = dateOf(body.expireDateTime, 'expireDateTime');
    if (!expire) throw badRequest('The expireDateTime is required.', 'badRequest');
    this.checkStandardExpiry(new Date(code.startDateTime), expire, now);
    code.expireDateTime = graphDateTime(expire);
    return { code };
  }

  deleteStandard(user: UserRecord): void {
    const method = this.method(user);
    if (!method.standardQRCode) throw notFound('standardQRCode');
    method.standardQRCode = undefined;
  }

  /** PATCH …/temporaryQRCode: 1–12 hours, refused while one exists (delete it first). */
  patchTemporary(user: UserRecord, body: Record<string, unknown>, now: Date): IssuedCode {
    const method = this.method(user);
    if (method.temporaryQRCode && Date.parse(method.temporaryQRCode.expireDateTime) > now.getTime())
      throw badRequest('The user already has a temporary QR code; delete it first.', 'temporaryQRCodeExists');
    this.allowed(user);
    const start = dateOf(body.startDateTime, 'startDateTime') ?? now;
    const expire = dateOf(body.expireDateTime, 'expireDateTime');
    if (!expire) throw badRequest('The expireDateTime is required.', 'badRequest');
    const lifetime = expire.getTime() - start.getTime();
    if (lifetime < HOUR_MS || lifetime > 12 * HOUR_MS)
      throw badRequest('A temporary QR code lasts from 1 to 12 hours.', 'badRequest');
    const issued = this.issue(user, start, expire, now);
    method.temporaryQRCode = issued.code;
    return issued;
  }

  deleteTemporary(user: UserRecord): void {
    const method = this.method(user);
    if (!method.temporaryQRCode) throw notFound('temporaryQRCode');
    method.temporaryQRCode = undefined;
  }

  /** PATCH …/pin: Entra generates the PIN; a code is accepted only while creating. */
  resetPin(user: UserRecord, body: Record<string, unknown>, now: Date): string {
    const method = this.method(user);
    if (body.code !== undefined)
      throw badRequest('The PIN code can only be set when the method is created.', 'badRequest');
    const generate = (): string =>
      Array.from({ length: Math.max(8, this.current.pinLength) }, () => randomInt(10)).join('');
    let pin = generate();
    while (pinProblem(pin, this.current.pinLength)) pin = generate();
    method.pin = {
      ...method.pin,
      updatedDateTime: graphDateTime(now),
      forceChangePinNextSignIn: true,
      verifier: verifierOf(pin),
    };
    return pin;
  }

  /** A sign-in with the badge (the control API plays it): the code's lastUsedDateTime is set. */
  markUsed(user: UserRecord, which: 'standard' | 'temporary', now: Date, proof: BadgeProof = {}): QrCodeRecord {
    const method = this.method(user);
    const code = which === 'standard' ? method.standardQRCode : method.temporaryQRCode;
    if (!code) throw notFound(`${which}QRCode`);
    this.allowed(user);
    if (proof.content !== undefined && !matches(code.verifier, proof.content))
      throw badRequest('Incorrect QR code.', 'incorrectQrCode');
    if (proof.pin !== undefined && !matches(method.pin.verifier, proof.pin))
      throw badRequest('Incorrect PIN.', 'incorrectPin');
    if (now.getTime() < Date.parse(code.startDateTime) || now.getTime() >= Date.parse(code.expireDateTime))
      throw badRequest('The QR code has expired or is not valid yet.', 'qrCodeExpired');
    code.lastUsedDateTime = graphDateTime(now);
    method.pin.forceChangePinNextSignIn = false;
    return code;
  }

  toSeed(userId: string): SeedQrCodePin | undefined {
    const method = this.methods.get(userId);
    if (!method) return undefined;
    const code = (item: QrCodeRecord | undefined): SeedQrCode | undefined =>
      item && {
        id: item.id,
        startDateTime: item.startDateTime,
        expireDateTime: item.expireDateTime,
        ...(item.lastUsedDateTime && { lastUsedDateTime: item.lastUsedDateTime }),
      };
    const standardQRCode = code(method.standardQRCode);
    const temporaryQRCode = code(method.temporaryQRCode);
    return {
      id: method.id,
      createdDateTime: method.createdDateTime,
      ...(standardQRCode && { standardQRCode }),
      ...(temporaryQRCode && { temporaryQRCode }),
      forceChangePinNextSignIn: method.pin.forceChangePinNextSignIn,
    };
  }
}
