import { z } from 'zod';
import type { Vendor } from '../../../shared/callModel';
import { SecretRefSchema } from '../../vendors/profileBase';
import { ProfileSchema, type Profile } from '../../vendors/registry';

export type VendorProfileSchema = (typeof ProfileSchema.options)[number];

/** Each vendor's own profile schema, by vendor. */
export function vendorProfileSchemas(): ReadonlyMap<Vendor, VendorProfileSchema> {
  return new Map(ProfileSchema.options.map((schema) => [schema.shape.vendor.value, schema]));
}

/**
 * The fields of a vendor's profile that hold secrets: those typed as a secret reference
 * (`{ "env": NAME }` in a file, or a value entered in Settings and kept in the secret store).
 */
export function secretFieldsOf(schema: VendorProfileSchema): string[] {
  return Object.entries(schema.shape as Record<string, z.ZodType>)
    .filter(([, field]) => unwrap(field) === SecretRefSchema)
    .map(([key]) => key);
}

export function secretFieldsForVendor(vendor: Vendor): string[] {
  const schema = vendorProfileSchemas().get(vendor);
  return schema ? secretFieldsOf(schema) : [];
}

function unwrap(field: z.ZodType): z.ZodType {
  return field instanceof z.ZodOptional || field instanceof z.ZodDefault ? unwrap(field.unwrap() as z.ZodType) : field;
}

/** `{ "env": NAME }` as the config file writes a secret. */
export function envRefOf(profile: Profile, field: string): string | undefined {
  const value = (profile as Record<string, unknown>)[field];
  const parsed = SecretRefSchema.safeParse(value);
  return parsed.success ? parsed.data.env : undefined;
}
