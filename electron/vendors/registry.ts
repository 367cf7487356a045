import { z } from 'zod';
import type { Vendor } from '../../shared/callModel';
import { genesysVendorModule } from './genesys';
import { GenesysProfileSchema } from './genesys/profile';
import { huaweiVendorModule } from './huawei';
import { HuaweiProfileSchema } from './huawei/profile';
import { iovoxVendorModule } from './iovox';
import { IovoxProfileSchema } from './iovox/profile';
import { oracleVendorModule } from './oracle';
import { OracleProfileSchema } from './oracle/profile';
import { vonageVendorModule } from './vonage';
import { VonageProfileSchema } from './vonage/profile';
import type { VendorModule } from './vendorModule';

/** Every profile the config file may hold, discriminated by `vendor`. */
export const ProfileSchema = z.discriminatedUnion('vendor', [
  GenesysProfileSchema,
  HuaweiProfileSchema,
  VonageProfileSchema,
  IovoxProfileSchema,
  OracleProfileSchema,
]);
export type Profile = z.infer<typeof ProfileSchema>;

type ModuleFor<V extends Vendor> = VendorModule<Extract<Profile, { vendor: V }>>;

const MODULES: { [V in Vendor]: ModuleFor<V> } = {
  genesys: genesysVendorModule,
  huawei: huaweiVendorModule,
  vonage: vonageVendorModule,
  iovox: iovoxVendorModule,
  oracle: oracleVendorModule,
};

export function vendorModuleFor<P extends Profile>(profile: P): VendorModule<P> {
  return MODULES[profile.vendor] as unknown as VendorModule<P>;
}
