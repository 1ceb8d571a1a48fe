// The simulated tenant's current state as a seed (seed.ts), so a test can compare before and after.
import type { Seed, SeedUser } from './seed';
import type { Tenant } from './tenant';

function methodsSeed(tenant: Tenant, userId: string): Pick<SeedUser, 'qrCodePin' | 'temporaryAccessPasses'> {
  const qrCodePin = tenant.qrCodePins.toSeed(userId);
  const temporaryAccessPasses = tenant.temporaryAccessPasses.toSeed(userId);
  return { ...(qrCodePin && { qrCodePin }), ...(temporaryAccessPasses && { temporaryAccessPasses }) };
}

export function exportSeed(tenant: Tenant): Seed {
  const unitMembers = [...tenant.allAdministrativeUnits()];
  return {
    tenant: { id: tenant.id, displayName: tenant.displayName, domain: tenant.domain },
    users: [...tenant.allUsers()].map((user) => ({
      id: user.id,
      userPrincipalName: user.userPrincipalName,
      displayName: user.displayName,
      ...(user.givenName !== null && { givenName: user.givenName }),
      ...(user.surname !== null && { surname: user.surname }),
      ...(user.mail !== null && { mail: user.mail }),
      ...(user.employeeId !== null && { employeeId: user.employeeId }),
      ...(user.jobTitle !== null && { jobTitle: user.jobTitle }),
      ...(user.officeLocation !== null && { officeLocation: user.officeLocation }),
      accountEnabled: user.accountEnabled,
      userType: user.userType,
      licenses: [...user.licenses],
      ...(user.manager !== undefined && { manager: user.manager }),
      phoneMethods: [...user.phoneMethods.values()].map((method) => ({
        phoneType: method.phoneType,
        phoneNumber: method.number.formatted,
        ...(method.phoneType === 'mobile' && { smsSignIn: method.registration }),
      })),
      ...(user.defaultMfaMethod !== undefined && { defaultMfaMethod: user.defaultMfaMethod }),
      otherMethodsRegistered: [...user.otherMethodsRegistered],
      signInSessionsValidFromDateTime: user.signInSessionsValidFromDateTime,
      lastSignInDateTime: user.lastSignInDateTime ?? null,
      ...methodsSeed(tenant, user.id),
    })),
    groups: [...tenant.allGroups()].map((group) => ({
      id: group.id,
      displayName: group.displayName,
      ...(group.description !== null && { description: group.description }),
      members: [...group.members],
      ...(group.isAssignableToRole && { isAssignableToRole: true }),
    })),
    administrativeUnits: unitMembers.map((unit) => ({
      id: unit.id,
      displayName: unit.displayName,
      ...(unit.description !== null && { description: unit.description }),
      members: [...unit.members],
    })),
    roleAssignments: tenant.roleAssignments().map((assignment) => ({
      id: assignment.id,
      principalId: assignment.principalId,
      roleTemplateId: assignment.roleDefinitionId,
      directoryScopeId: assignment.directoryScopeId,
    })),
    qrCodePinPolicy: structuredClone(tenant.qrCodePins.policy()),
    temporaryAccessPassPolicy: structuredClone(tenant.temporaryAccessPasses.policy()),
    smsPolicy: {
      state: tenant.smsPolicy().state,
      includeTargets: tenant.smsPolicy().includeTargets.map((target) => ({ ...target })),
      excludeTargets: tenant.smsPolicy().excludeTargets.map((target) => ({ ...target })),
      telecomProviderSettings: tenant.smsPolicy().telecomProviderSettings,
    },
    ...tenant.posture.toSeed(),
  };
}
