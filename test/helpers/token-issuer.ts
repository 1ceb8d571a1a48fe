import { createSign, generateKeyPairSync, randomUUID, type KeyObject } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** The Bot Connector's issuer claim (botframework-connector's AuthenticationConstants.ToBotFromChannelTokenIssuer). */
export const BOT_CONNECTOR_ISSUER = 'https://api.botframework.com';

interface SigningKey {
  kid: string;
  privateKey: KeyObject;
  publicKey: KeyObject;
}

function newKey(): SigningKey {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return { kid: randomUUID(), privateKey, publicKey };
}

const base64url = (value: string | Buffer): string => Buffer.from(value).toString('base64url');

/**
 * Stands in for login.botframework.com: publishes an OpenID configuration and a JWKS (with the channel
 * endorsements the real one carries) over HTTP, and signs RS256 tokens as the Bot Connector does. Tokens can
 * also be signed with a key it never published, as an attacker would.
 */
export class TokenIssuer {
  private readonly published = newKey();
  private readonly unpublished = newKey();
  private readonly server = http.createServer((req, res) => this.handle(req, res));
  /** How many times the bot fetched the key set. */
  keyFetches = 0;

  constructor(private readonly endorsements: string[] = ['msteams']) {}

  async start(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  get metadataUrl(): string {
    return `${this.url}/v1/.well-known/openidconfiguration`;
  }

  /** A JWT over `claims`; `key: 'unpublished'` signs with a key that is not in the key set (same kid format). */
  sign(
    claims: Record<string, unknown>,
    options: { key?: 'published' | 'unpublished'; algorithm?: 'RS256' | 'none' } = {},
  ): string {
    const key = options.key === 'unpublished' ? this.unpublished : this.published;
    const algorithm = options.algorithm ?? 'RS256';
    const signingInput = `${base64url(JSON.stringify({ alg: algorithm, typ: 'JWT', kid: key.kid }))}.${base64url(JSON.stringify(claims))}`;
    if (algorithm === 'none') return `${signingInput}.`;
    const signature = createSign('RSA-SHA256').update(signingInput).sign(key.privateKey);
    return `${signingInput}.${base64url(signature)}`;
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const send = (body: unknown): void => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.url === '/v1/.well-known/openidconfiguration') {
      send({
        issuer: BOT_CONNECTOR_ISSUER,
        jwks_uri: `${this.url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    } else if (req.url === '/v1/.well-known/keys') {
      this.keyFetches += 1;
      const jwk = this.published.publicKey.export({ format: 'jwk' });
      send({
        keys: [
          { kty: 'RSA', use: 'sig', kid: this.published.kid, n: jwk.n, e: jwk.e, endorsements: this.endorsements },
        ],
      });
    } else {
      res.statusCode = 404;
      res.end();
    }
  }
}

/** The claims the Bot Connector puts in a token for a bot (times in seconds since the epoch). */
export function connectorClaims(
  appId: string,
  serviceUrl: string,
  overrides: Record<string, unknown> = {},
): Record<string, unknown> {
  const now = Math.floor(Date.now() / 1000);
  return {
    iss: BOT_CONNECTOR_ISSUER,
    aud: appId,
    serviceurl: serviceUrl,
    nbf: now - 60,
    iat: now - 60,
    exp: now + 3600,
    ...overrides,
  };
}
