import type { Emulator } from '../emulator';
import { EmulatorServer } from '../framework/emulatorServer';
import { createVonageControl, type VonageControl } from './control';
import { controlRoutes } from './controlRoutes';
import { resolveOptions, type VonageEmulatorOptions } from './options';
import { VccWorld } from './vccWorld';
import { vendorRoutes } from './vendorRoutes';

export interface VonageEmulator extends Emulator {
  readonly vendor: 'vonage';
  readonly control: VonageControl;
}

/**
 * Vonage Contact Center's Calls API v0 on loopback (vendors/vonage.md §7): client-credentials
 * tokens, make a call, call detail with a scripted far end, pause/resume recording.
 */
export function createVonageEmulator(options: Partial<VonageEmulatorOptions> = {}): VonageEmulator {
  const settings = resolveOptions(options);
  const world = new VccWorld(settings);
  const control = createVonageControl(world);
  const server: EmulatorServer = new EmulatorServer({
    name: 'vonage',
    routes: [...vendorRoutes(world, () => settings.publicBaseUrl ?? server.url), ...controlRoutes(control)],
    onReset: () => world.reset(),
  });
  return {
    vendor: 'vonage',
    server,
    control,
    listen: (port = 0) => server.listen(port),
    close: async () => {
      world.dispose();
      await server.close();
    },
  };
}
