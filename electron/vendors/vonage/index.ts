import type { VendorModule } from '../vendorModule';
import { VonageProfileSchema, type VonageProfile } from './profile';
import { VonageAdapter } from './vonageAdapter';

export const vonageVendorModule: VendorModule<VonageProfile> = {
  profileSchema: VonageProfileSchema,
  secretFields: ['apiToken'],
  create: (profile, deps) => new VonageAdapter(profile, deps),
};

export { VonageProfileSchema, type VonageProfile } from './profile';
