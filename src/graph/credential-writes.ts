// Writes to a worker's QR code + PIN method and Temporary Access Pass (docs/graph-facts.md §17.3, §18.2). Each is sent
// on its own, never in a $batch, and never replayed: an answer that makes a secret is not asked for twice, since a
// second create is refused and the first secret is gone. The secrets come back wrapped (secret/secret.ts).
import type { TemporaryAccessPassAuthenticationMethod } from '@microsoft/microsoft-graph-types';
import { Secret } from '../secret/secret';
import { PostureReads } from './posture-reads';
import { GraphFailure } from './graph-errors';
import { pathSegment } from './odata';

/** A QR code as the answer that creates it shows it (docs/graph-facts.md §17.2). */
interface GraphIssuedCode {
  id?: string;
  startDateTime?: string;
  expireDateTime?: string;
  image?: { rawContent?: string | null } | null;
}

interface GraphIssuedMethod {
  id?: string;
  standardQRCode?: GraphIssuedCode | null;
  pin?: { code?: string | null } | null;
}

/** A new code: its id and period, and what its symbol encodes (base64 of `ms-qrpin:v1|<UPN>|<code id>|<secret>`). */
export interface IssuedQrCode {
  id: string;
  startDateTime: string;
  expireDateTime: string;
  rawContent: Secret;
}

export interface IssuedQrCodePin {
  methodId: string;
  standardQRCode: IssuedQrCode;
  pin: Secret;
}

export interface IssuedPass {
  id: string;
  startDateTime: string;
  lifetimeInMinutes: number;
  isUsableOnce: boolean;
  pass: Secret;
}

export interface CodePeriod {
  startDateTime: string;
  expireDateTime: string;
}

const qrPath = (userId: string): string => `/users/${pathSegment(userId)}/authentication/qrCodePinMethod`;
const passesPath = (userId: string): string =>
  `/users/${pathSegment(userId)}/authentication/temporaryAccessPassMethods`;

/** An answer that should carry a secret and does not: nothing phonedesk can hand over. */
function missing(what: string): GraphFailure {
  return new GraphFailure({
    kind: 'rejected',
    userMessage: `Microsoft 365 made the ${what} but did not send it back, so phonedesk cannot hand it over.`,
    graphMessage: `no ${what} in the answer`,
    status: 200,
  });
}

function issuedCode(graph: GraphIssuedCode | null | undefined): IssuedQrCode {
  const rawContent = graph?.image?.rawContent;
  if (!graph?.id || !graph.startDateTime || !graph.expireDateTime || !rawContent) throw missing('QR code');
  return {
    id: graph.id,
    startDateTime: graph.startDateTime,
    expireDateTime: graph.expireDateTime,
    rawContent: new Secret(rawContent),
  };
}

export class CredentialWrites extends PostureReads {
  // ---- QR code + PIN ----

  /** PUT: the method with its first badge and PIN. Only for a worker without one (a second is refused). */
  async createQrCodePinMethod(userId: string, period: CodePeriod, pin: Secret): Promise<IssuedQrCodePin> {
    const body = { standardQRCode: period, pin: { code: pin.reveal() } };
    const created = await this.call<GraphIssuedMethod>(
      'qrCodePin.create',
      qrPath(userId),
      (request) => request.put(body),
      false,
    );
    if (!created.id) throw missing('QR code method');
    return { methodId: created.id, standardQRCode: issuedCode(created.standardQRCode), pin };
  }

  /** PATCH with no active badge: a new standard code (the PIN stays). */
  async newStandardQrCode(userId: string, period: CodePeriod): Promise<IssuedQrCode> {
    const code = await this.call<GraphIssuedCode>(
      'qrCodePin.newStandard',
      `${qrPath(userId)}/standardQRCode`,
      (request) => request.patch(period),
      false,
    );
    return issuedCode(code);
  }

  /** PATCH: a temporary code of 1–12 hours, for a forgotten badge; refused while one exists. */
  async newTemporaryQrCode(userId: string, period: CodePeriod): Promise<IssuedQrCode> {
    const code = await this.call<GraphIssuedCode>(
      'qrCodePin.newTemporary',
      `${qrPath(userId)}/temporaryQRCode`,
      (request) => request.patch(period),
      false,
    );
    return issuedCode(code);
  }

  /** PATCH …/pin: Entra makes a new PIN, which the worker changes at their next sign-in. */
  async resetQrPin(userId: string): Promise<Secret> {
    const answer = await this.call<{ code?: string | null }>(
      'qrCodePin.resetPin',
      `${qrPath(userId)}/pin`,
      (request) => request.patch({}),
      false,
    );
    if (!answer.code) throw missing('PIN');
    return new Secret(answer.code);
  }

  /** Moves the active badge's expiry (only that can change on an active code). */
  async extendStandardQrCode(userId: string, expireDateTime: string): Promise<void> {
    await this.call('qrCodePin.extend', `${qrPath(userId)}/standardQRCode`, (request) =>
      request.patch({ expireDateTime }),
    );
  }

  /** Revokes the worker's badge (`standardQRCode`) or temporary code; one already gone counts as revoked. */
  async deleteQrCode(userId: string, which: 'standardQRCode' | 'temporaryQRCode'): Promise<{ alreadyGone: boolean }> {
    return this.deleteIfThere(`qrCodePin.delete.${which}`, `${qrPath(userId)}/${which}`);
  }

  /** Removes the whole QR code + PIN method (both codes and the PIN). */
  async deleteQrCodePinMethod(userId: string): Promise<{ alreadyGone: boolean }> {
    return this.deleteIfThere('qrCodePin.delete', qrPath(userId));
  }

  // ---- Temporary Access Pass ----

  /** POST: a pass within the policy's bounds; it replaces the one the worker had. */
  async createTemporaryAccessPass(
    userId: string,
    options: { lifetimeInMinutes?: number; isUsableOnce?: boolean },
  ): Promise<IssuedPass> {
    const created = await this.call<TemporaryAccessPassAuthenticationMethod>(
      'temporaryAccessPass.create',
      passesPath(userId),
      (request) => request.post(options),
      false,
    );
    if (!created.id || !created.temporaryAccessPass || !created.startDateTime) throw missing('Temporary Access Pass');
    return {
      id: created.id,
      startDateTime: created.startDateTime,
      lifetimeInMinutes: created.lifetimeInMinutes ?? options.lifetimeInMinutes ?? 60,
      isUsableOnce: created.isUsableOnce === true,
      pass: new Secret(created.temporaryAccessPass),
    };
  }

  async deleteTemporaryAccessPass(userId: string, passId: string): Promise<{ alreadyGone: boolean }> {
    return this.deleteIfThere('temporaryAccessPass.delete', `${passesPath(userId)}/${pathSegment(passId)}`);
  }

  protected async deleteIfThere(operation: string, path: string): Promise<{ alreadyGone: boolean }> {
    try {
      await this.call(operation, path, (request) => request.delete());
      return { alreadyGone: false };
    } catch (error) {
      if (error instanceof GraphFailure && error.kind === 'not-found') return { alreadyGone: true };
      throw error;
    }
  }
}
