import type { VendorModule } from '../vendorModule';
import { createHuaweiAdapter } from './huaweiAdapter';
import { HuaweiProfileSchema, type HuaweiProfile } from './profile';

export const huaweiVendorModule: VendorModule<HuaweiProfile> = {
  profileSchema: HuaweiProfileSchema,
  secretFields: ['password'],
  create: (profile, deps) => createHuaweiAdapter(profile, deps),
};

export { createHuaweiAdapter, DEFAULT_HUAWEI_TIMINGS, type HuaweiAdapterOptions, type HuaweiTimings } from './huaweiAdapter';
export { HuaweiProfileSchema, type HuaweiProfile } from './profile';
