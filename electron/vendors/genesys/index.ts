import type { VendorModule } from '../vendorModule';
import { createGenesysAdapter } from './genesysAdapter';
import { GenesysProfileSchema, type GenesysProfile } from './profile';

export const genesysVendorModule: VendorModule<GenesysProfile> = {
  profileSchema: GenesysProfileSchema,
  secretFields: ['password'],
  create: (profile, deps) => createGenesysAdapter(profile, deps),
};

export { createGenesysAdapter, DEFAULT_TIMINGS, type GenesysAdapterTimings } from './genesysAdapter';
export { GenesysProfileSchema, type GenesysProfile } from './profile';
