import type { TenantType } from '../queries';

/** The organisation types in the order a person scans them, with their labels. */
export const TENANT_TYPE_LABELS: Record<TenantType, string> = {
  bank: 'Bank',
  fintech: 'Fintech',
  media: 'Media',
  foundation: 'Foundation',
  retailer: 'Retailer',
  other: 'Other',
};
