// Azurite, the local Azure Storage emulator, for one test file: started before its tests, stopped after
// (bench/azurite-process.ts starts it: in memory, on free loopback ports, nothing downloaded).
import { Azurite } from '../../bench/azurite-process';

export { Azurite };

export function useAzurite(): Azurite {
  const azurite = new Azurite();
  beforeAll(async () => {
    await azurite.start();
  }, 30_000);
  afterAll(async () => {
    await azurite.stop();
  });
  return azurite;
}
