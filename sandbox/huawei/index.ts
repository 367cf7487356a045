import { EmulatorServer } from '../framework/emulatorServer';
import type { Emulator } from '../emulator';
import { createControl, type HuaweiControl } from './control';
import { HuaweiGateway, type EmitListener } from './gateway';
import { resolveOptions, type HuaweiEmulatorOptions } from './options';
import { agentRoutes } from './routes/agentRoutes';
import { callRoutes } from './routes/callRoutes';
import { controlRoutes } from './routes/controlRoutes';
import { eventRoute } from './routes/eventRoute';

export interface HuaweiEmulator extends Emulator {
  readonly vendor: 'huawei';
  /** In-process test control; every control is also under `/__sandbox/…` on the server. */
  readonly control: HuaweiControl;
  /** Called for every event the gateway queues, with its emission time (epoch ms, sub-ms precision). */
  onEmit(listener: EmitListener): () => void;
}

/** The Huawei CC-Gateway (AgentGateway) agent REST interface on loopback (vendors/huawei.md §7). */
export function createHuaweiEmulator(options: Partial<HuaweiEmulatorOptions> = {}): HuaweiEmulator {
  const gateway = new HuaweiGateway(resolveOptions(options));
  const control = createControl(gateway, () => gateway.reset());
  const server = new EmulatorServer({
    name: 'huawei',
    routes: [...controlRoutes(control), ...agentRoutes(gateway), eventRoute(gateway), ...callRoutes(gateway)],
    onReset: () => control.reset(),
  });
  return {
    vendor: 'huawei',
    server,
    control,
    onEmit: (listener) => gateway.onEmit(listener),
    listen: (port) => server.listen(port),
    close: async () => {
      gateway.close();
      await server.close();
    },
  };
}

export type { HuaweiControl, ControlResult, EventInjection, BurstSpec, BurstResult, AgentSnapshot } from './control';
export type { EmitListener } from './gateway';
export { DEFAULT_HUAWEI_OPTIONS, type HuaweiEmulatorOptions, type HuaweiTimings, type HuaweiSettingsPatch, type LoadBalancerCookie } from './options';
export { SEED_AGENTS, SEED_SKILLS, SEED_CALLERS, type SeedAgent, type SeedSkill } from './seed';
