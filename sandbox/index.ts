import type { Vendor } from '../shared/callModel';
import type { Emulator } from './emulator';
import { createGenesysEmulator, type GenesysEmulator, type GenesysEmulatorOptions } from './genesys';
import { createHuaweiEmulator, type HuaweiEmulator, type HuaweiEmulatorOptions } from './huawei';
import { createIovoxEmulator, type IovoxEmulator, type IovoxEmulatorOptions } from './iovox';
import { createOracleEmulator, type OracleEmulator, type OracleEmulatorOptions } from './oracle';
import { createVonageEmulator, type VonageEmulator, type VonageEmulatorOptions } from './vonage';

export interface SandboxOptions {
  /** Fixed ports: genesys N, huawei N+1, vonage N+2, iovox N+3, oracle N+4. Any free port when absent. */
  portBase?: number;
  genesys?: Partial<GenesysEmulatorOptions>;
  huawei?: Partial<HuaweiEmulatorOptions>;
  vonage?: Partial<VonageEmulatorOptions>;
  iovox?: Partial<IovoxEmulatorOptions>;
  oracle?: Partial<OracleEmulatorOptions>;
}

export interface SandboxEmulators {
  genesys: GenesysEmulator;
  huawei: HuaweiEmulator;
  vonage: VonageEmulator;
  iovox: IovoxEmulator;
  oracle: OracleEmulator;
}

export interface Sandbox {
  urls: Record<Vendor, string>;
  emulators: SandboxEmulators;
  stop(): Promise<void>;
}

/** Order fixes the `--port-base` offsets (DESIGN §5). */
export const SANDBOX_ORDER: readonly Vendor[] = ['genesys', 'huawei', 'vonage', 'iovox', 'oracle'];

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const emulators: SandboxEmulators = {
    genesys: createGenesysEmulator(options.genesys),
    huawei: createHuaweiEmulator(options.huawei),
    vonage: createVonageEmulator(options.vonage),
    iovox: createIovoxEmulator(options.iovox),
    oracle: createOracleEmulator(options.oracle),
  };
  const all = (): Emulator[] => SANDBOX_ORDER.map((vendor) => emulators[vendor]);
  const urls = {} as Record<Vendor, string>;
  try {
    for (const [index, vendor] of SANDBOX_ORDER.entries()) {
      urls[vendor] = await emulators[vendor].listen(options.portBase === undefined ? 0 : options.portBase + index);
    }
  } catch (error) {
    await Promise.allSettled(all().map((emulator) => emulator.close()));
    throw error;
  }
  return {
    urls,
    emulators,
    stop: async () => {
      await Promise.allSettled(all().map((emulator) => emulator.close()));
    },
  };
}
