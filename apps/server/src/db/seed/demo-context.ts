import type { Faker } from '@faker-js/faker';
import type { Random } from './random';

// What every demo builder shares: the organization, the clock, the generators and the users.

export interface DemoUser {
  id: string;
  name: string;
  first: string;
  email: string;
  role: 'admin' | 'manager' | 'sales';
}

export interface DemoContext {
  orgId: string;
  /** Milliseconds; every date is relative to it. */
  now: number;
  rng: Random;
  faker: Faker;
  admin: DemoUser;
  manager: DemoUser;
  sales: DemoUser;
  sales2: DemoUser;
}

/** Record owners: both sales reps carry most of the book, the manager keeps a few accounts. */
export function pickOwner(ctx: DemoContext): DemoUser {
  return ctx.rng.weighted([
    [ctx.sales, 45],
    [ctx.sales2, 45],
    [ctx.manager, 10],
  ]);
}

export function firstNameOf(name: string): string {
  return name.split(' ')[0] ?? name;
}

export function json(value: unknown): string {
  return JSON.stringify(value);
}

/** A weekday name a few days ahead, for "send it by {day}" phrases. */
export function weekdayAfter(now: number, days: number): string {
  return new Date(now + days * 86_400_000).toLocaleDateString('en-US', {
    weekday: 'long',
    timeZone: 'UTC',
  });
}
