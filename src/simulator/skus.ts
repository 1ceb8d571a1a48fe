// Licence SKUs the demo tenant uses, by part number, with Microsoft's published SKU ids.
export const SKUS: Readonly<Record<string, { skuId: string; name: string }>> = {
  SPE_F1: { skuId: '66b55226-6b4f-492c-910c-a3b7a3c9d993', name: 'Microsoft 365 F3' },
  M365_F1_COMM: { skuId: '50f60901-3181-4b75-8a2c-4c8e4c1d5a72', name: 'Microsoft 365 F1' },
  DESKLESSPACK: { skuId: '4b585984-651b-448a-9e53-3b10f069cf7f', name: 'Office 365 F3' },
  AAD_PREMIUM: { skuId: '078d2b04-f1bd-4111-bbd4-b4b1b354cef4', name: 'Microsoft Entra ID P1' },
  AAD_PREMIUM_P2: { skuId: '84a661c4-e949-4bd2-a560-ed7766fcaf2b', name: 'Microsoft Entra ID P2' },
  EMS: { skuId: 'efccb6f7-5641-4e0e-bd10-b4976e1bf68e', name: 'Enterprise Mobility + Security E3' },
  EMSPREMIUM: { skuId: 'b05e124f-c7cc-45a0-a6aa-8cf78c946968', name: 'Enterprise Mobility + Security E5' },
  SPE_E3: { skuId: '05e9a617-0261-4cee-bb44-138d3ef5d965', name: 'Microsoft 365 E3' },
  SPE_E5: { skuId: '06ebc4ee-1bb5-47dd-8120-11324bc54e06', name: 'Microsoft 365 E5' },
  ENTERPRISEPACK: { skuId: '6fd2c87f-b296-42f0-b197-1e91e994b900', name: 'Office 365 E3' },
  FLOW_FREE: { skuId: 'f30db892-07e9-47e9-837c-80727f46fd3d', name: 'Microsoft Power Automate Free' },
};
