import { z } from '@hono/zod-openapi';

export const CurrentUserSchema = z
  .object({
    id: z.uuid().openapi({ example: '01936f0e-7d3c-7a4b-9c1d-2e3f4a5b6c7d' }),
    email: z.email().openapi({ example: 'ada@example.com' }),
    name: z.string().openapi({ example: 'Ada Lovelace' }),
    emailVerified: z.boolean(),
    twoFactorEnabled: z.boolean().openapi({ description: 'Whether sign-in asks for a TOTP code.' }),
    createdAt: z.iso.datetime(),
  })
  .openapi('CurrentUser');
