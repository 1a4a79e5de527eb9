import { DealSchema, type Deal } from '@flow/contracts';
import { expect } from 'vitest';
import type { TestApp } from '../helpers/test-app';

// Small factories shared by the deals suites: a contact to hang deals on, and a deal.

let counter = 0;

export async function newContact(
  t: TestApp,
  token: string,
  extra: Record<string, unknown> = {},
): Promise<{ id: string; name: string; company: string }> {
  counter += 1;
  const res = await t.request('POST', '/api/contacts', {
    token,
    body: {
      name: `Buyer ${counter}`,
      email: `buyer${counter}-${Date.now()}@client.test`,
      company: `Company ${counter}`,
      ...extra,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body;
}

/** A day `days` from `now` as YYYY-MM-DD (expected close dates are calendar days). */
export function dayFrom(now: Date, days: number): string {
  return new Date(now.getTime() + days * 86_400_000).toISOString().slice(0, 10);
}

export async function newDeal(
  t: TestApp,
  token: string,
  contactId: string,
  extra: Record<string, unknown> = {},
): Promise<Deal> {
  counter += 1;
  const res = await t.request('POST', '/api/deals', {
    token,
    body: {
      title: `Deal ${counter}`,
      contactId,
      value: 10_000,
      stage: 'qualified',
      expectedCloseDate: dayFrom(new Date(), 60),
      description: 'Intro call about onboarding needs.',
      ...extra,
    },
  });
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return DealSchema.parse(res.body);
}

export async function getDeal(t: TestApp, token: string, id: string): Promise<Deal> {
  const res = await t.request('GET', `/api/deals/${id}`, { token });
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return DealSchema.parse(res.body);
}
