export const AUDIT_PERMISSIONS = {
  read: 'audit:read',
} as const;
