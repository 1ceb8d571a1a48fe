// Credentials for Graph by GRAPH_AUTH, through @azure/identity with the standard AZURE_* settings.
import {
  ClientCertificateCredential,
  ClientSecretCredential,
  ManagedIdentityCredential,
  type AccessToken,
  type TokenCredential,
} from '@azure/identity';
import type { GraphSettings } from '../config';

/** The simulator accepts any non-empty bearer token (or the one it was started with). */
export class SimulatorCredential implements TokenCredential {
  constructor(private readonly token = 'phonedesk-simulator') {}

  async getToken(): Promise<AccessToken> {
    return { token: this.token, expiresOnTimestamp: Date.now() + 60 * 60 * 1000 };
  }
}

export function createGraphCredential(settings: GraphSettings, simulatorToken?: string): TokenCredential {
  const options = { authorityHost: settings.authorityHost };
  switch (settings.auth) {
    case 'simulator':
      return new SimulatorCredential(simulatorToken);
    case 'client-secret':
      return new ClientSecretCredential(settings.tenantId!, settings.clientId!, settings.clientSecret!, options);
    case 'certificate':
      return new ClientCertificateCredential(
        settings.tenantId!,
        settings.clientId!,
        { certificatePath: settings.certificatePath! },
        options,
      );
    case 'managed-identity':
      return settings.clientId
        ? new ManagedIdentityCredential({ clientId: settings.clientId })
        : new ManagedIdentityCredential();
  }
}

/** App-only scope for the cloud's Graph host: https://graph.microsoft.com/.default. */
export function graphScope(settings: GraphSettings): string {
  const host = settings.auth === 'simulator' ? 'https://graph.microsoft.com' : new URL(settings.baseUrl).origin;
  return `${host}/.default`;
}
