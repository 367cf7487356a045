import { z } from 'zod';
import type { Vendor } from '../callModel';
import type { VendorCapabilities } from './capabilities';
import { GENESYS_CAPABILITIES, GenesysDialOptionsSchema } from './genesys';
import { HUAWEI_CAPABILITIES, HuaweiDialOptionsSchema } from './huawei';
import { IOVOX_CAPABILITIES, IovoxDialOptionsSchema } from './iovox';
import { ORACLE_CAPABILITIES, OracleDialOptionsSchema } from './oracle';
import { VONAGE_CAPABILITIES, VonageDialOptionsSchema } from './vonage';

export const VENDOR_CAPABILITIES: Readonly<Record<Vendor, VendorCapabilities>> = {
  genesys: GENESYS_CAPABILITIES,
  huawei: HUAWEI_CAPABILITIES,
  vonage: VONAGE_CAPABILITIES,
  iovox: IOVOX_CAPABILITIES,
  oracle: ORACLE_CAPABILITIES,
};

/** Vendor-specific dial fields; `vendor` must match the profile's vendor. */
export const VendorDialOptionsSchema = z.discriminatedUnion('vendor', [
  GenesysDialOptionsSchema,
  HuaweiDialOptionsSchema,
  VonageDialOptionsSchema,
  IovoxDialOptionsSchema,
  OracleDialOptionsSchema,
]);
export type VendorDialOptions = z.infer<typeof VendorDialOptionsSchema>;

export { VendorCapabilitiesSchema, type VendorCapabilities } from './capabilities';
