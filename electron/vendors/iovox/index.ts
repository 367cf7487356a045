import type { VendorModule } from '../vendorModule';
import { IovoxAdapter } from './iovoxAdapter';
import { IovoxProfileSchema, type IovoxProfile } from './profile';

export const iovoxVendorModule: VendorModule<IovoxProfile> = {
  profileSchema: IovoxProfileSchema,
  secretFields: ['secureKey'],
  create: (profile, deps) => new IovoxAdapter(profile, deps),
};

export { IovoxProfileSchema, type IovoxProfile } from './profile';
