import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, signUpAndSignIn } from '../../../test/harness/accounts.js';
import {
  auditEvents,
  errorPaths,
  ownerAndViewer,
  type Problem,
  send,
  type TenantAccounts,
} from '../../../test/harness/tenant-accounts.js';
import { createTestApp, type TestApp } from '../../../test/harness/test-app.js';

type Profile = {
  id: string;
  name: string;
  type: string;
  tier: string;
  contact: { name: string | null; email: string | null; phone: string | null };
  address: string | null;
  taxId: string | null;
  logo: string | null;
  brandColor: string | null;
};

const PNG =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

let t: TestApp;
let acme: TenantAccounts;
beforeAll(async () => {
  t = await createTestApp();
  acme = await ownerAndViewer(t, 'acme');
});
afterAll(async () => t?.close());

const patch = (body: unknown, as = acme.owner) =>
  send<Profile & Problem>(t, 'PATCH', '/partner/tenant', body, as);

describe('tenant profile', () => {
  it('shows the profile, with the tier the operator set and the owner’s address as contact', async () => {
    const profile = await send<Profile>(t, 'GET', '/partner/tenant', undefined, acme.owner);
    expect(profile.status).toBe(200);
    expect(profile.body).toMatchObject({
      name: 'acme org',
      type: 'other',
      tier: 'free',
      contact: { name: null, email: 'acme-owner@example.com', phone: null },
      logo: null,
      brandColor: null,
    });
    expect(profile.body.id).toMatch(/^ten_/);
  });

  it('edits every field, stores the colour lowercase, and audits before/after with the logo’s fingerprint', async () => {
    const updated = await patch({
      name: 'Acme Bank',
      type: 'bank',
      contact: { name: 'Ada Lovelace', phone: '+44 20 7946 0000' },
      address: '1 Market Street\nLondon',
      taxId: 'GB123456789',
      logo: PNG,
      brandColor: '#0A7CFF',
      tier: 'enterprise',
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({
      name: 'Acme Bank',
      type: 'bank',
      tier: 'free',
      contact: { name: 'Ada Lovelace', email: 'acme-owner@example.com', phone: '+44 20 7946 0000' },
      address: '1 Market Street\nLondon',
      taxId: 'GB123456789',
      logo: PNG,
      brandColor: '#0a7cff',
    });
    const [event] = await auditEvents(t, acme.tenantId, 'tenant.updated');
    expect(event?.before).toEqual({
      name: 'acme org',
      type: 'other',
      contactName: null,
      contactPhone: null,
      address: null,
      taxId: null,
      logo: null,
      brandColor: null,
    });
    expect(event?.after).toMatchObject({
      name: 'Acme Bank',
      brandColor: '#0a7cff',
      logo: { type: 'image/png', bytes: 70 },
    });
    expect(JSON.stringify(event)).not.toContain('iVBOR');
    expect(event?.target_label).toBe('Acme Bank');
  });

  it('clears optional fields with null, and writes nothing when nothing changes', async () => {
    const cleared = await patch({ logo: null, contact: { phone: null } });
    expect(cleared.body).toMatchObject({ logo: null, contact: { phone: null, name: 'Ada Lovelace' } });
    await patch({ name: 'Acme Bank', brandColor: '#0a7cff' });
    const events = await auditEvents(t, acme.tenantId, 'tenant.updated');
    expect(events).toHaveLength(2);
    expect(events[1]?.after).toEqual({ contactPhone: null, logo: null });
  });

  it('answers 400 with each failing field, and changes nothing', async () => {
    const bad = await patch({
      name: '',
      type: 'bakery',
      contact: { email: 'not-an-email', phone: 'call me' },
      brandColor: 'red',
      logo: 'data:image/jpeg;base64,iVBORw0KGgo=',
      taxId: 'x'.repeat(51),
    });
    expect(bad.status).toBe(400);
    expect(errorPaths(bad.body)).toEqual([
      'body.brandColor',
      'body.contact.email',
      'body.contact.phone',
      'body.logo',
      'body.name',
      'body.taxId',
      'body.type',
    ]);
    expect(bad.body.errors?.find((error) => error.path === 'body.logo')?.message).toContain('not a JPEG');
    expect((await patch({})).status).toBe(400);
    const profile = await send<Profile>(t, 'GET', '/partner/tenant', undefined, acme.owner);
    expect(profile.body.name).toBe('Acme Bank');
  });

  it('refuses an oversized or scripted logo', async () => {
    const big = `data:image/png;base64,${Buffer.concat([Buffer.from(PNG.split(',')[1] ?? '', 'base64'), Buffer.alloc(300_000)]).toString('base64')}`;
    expect(errorPaths((await patch({ logo: big })).body)).toEqual(['body.logo']);
    const svg = `data:image/svg+xml;base64,${Buffer.from('<svg onload="alert(1)"/>').toString('base64')}`;
    expect(errorPaths((await patch({ logo: svg })).body)).toEqual(['body.logo']);
  });

  it('lets a Viewer read the profile but not edit it (403)', async () => {
    expect((await call(t, 'GET', '/partner/tenant', undefined, acme.viewer)).status).toBe(200);
    const denied = await patch({ name: 'Hijacked' }, acme.viewer);
    expect(denied.status).toBe(403);
    expect(denied.body.code).toBe('forbidden');
  });

  it('shows each caller only the tenant they work in', async () => {
    const other = await signUpAndSignIn(t, 'other@example.com', { organisationName: 'Other Co' });
    const profile = await send<Profile>(t, 'GET', '/partner/tenant', undefined, other);
    expect(profile.body.name).toBe('Other Co');
    await patch({ name: 'Other Co renamed' }, other);
    const mine = await send<Profile>(t, 'GET', '/partner/tenant', undefined, acme.owner);
    expect(mine.body.name).toBe('Acme Bank');
  });

  it('refuses a signed-in user without a tenant (403)', async () => {
    const loner = await signUpAndSignIn(t, 'loner@example.com', { organisationName: null });
    expect((await call(t, 'GET', '/partner/tenant', undefined, loner)).status).toBe(403);
  });
});
