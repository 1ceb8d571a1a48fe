/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.test.json' }] },
  // Integration tests start real servers on 127.0.0.1; keep them bounded.
  testTimeout: 30000,
  clearMocks: true,
  // Math from the host, not the sandbox's: inside Jest every Math call is slow (jestjs/jest#5163), and drawing a QR
  // code's PNG makes one per pixel (1.6 s a badge against 86 ms).
  sandboxInjectedGlobals: ['Math'],
};
