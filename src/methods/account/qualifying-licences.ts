// Licences that include SMS sign-in: "Each user that's enabled in the SMS authentication method policy must be
// licensed, even if they don't use it." (docs/graph-facts.md §13.1)
export const QUALIFYING_LICENCES: Readonly<Record<string, string>> = {
  M365_F1: 'Microsoft 365 F1',
  M365_F1_COMM: 'Microsoft 365 F1',
  SPE_F1: 'Microsoft 365 F3',
  DESKLESSPACK: 'Office 365 F3',
  AAD_PREMIUM: 'Microsoft Entra ID P1',
  AAD_PREMIUM_P2: 'Microsoft Entra ID P2',
  EMS: 'Enterprise Mobility + Security E3',
  EMSPREMIUM: 'Enterprise Mobility + Security E5',
  SPE_E3: 'Microsoft 365 E3',
  SPE_E5: 'Microsoft 365 E5',
  SPE_E3_USGOV_DOD: 'Microsoft 365 E3 (DoD)',
  SPE_E3_USGOV_GCCHIGH: 'Microsoft 365 E3 (GCC High)',
  SPE_E5_USGOV_GCCHIGH: 'Microsoft 365 E5 (GCC High)',
};

export function hasQualifyingLicence(skuPartNumbers: readonly string[]): boolean {
  return skuPartNumbers.some((sku) => sku in QUALIFYING_LICENCES);
}
