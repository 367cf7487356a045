import type { VendorModule } from '../vendorModule';
import { OracleAdapter } from './oracleAdapter';
import { OracleProfileSchema, type OracleProfile } from './profile';

export const oracleVendorModule: VendorModule<OracleProfile> = {
  profileSchema: OracleProfileSchema,
  secretFields: ['authorizeUrl'],
  create: (profile, deps) => new OracleAdapter(profile, deps),
};

export { OracleProfileSchema, type OracleProfile } from './profile';
