import { faker } from '@faker-js/faker/locale/en';
import { newId } from '../../platform/ids';
import type { DealStage } from '../schema';
import { Random } from './random';
import { ALL_STAGES } from './scoring';

/**
 * Everything the benchmark rows are derived from, fixed before the first insert so counters
 * (a contact's deals and value) are known when the contact row is written. Names come from small
 * pools drawn once from faker: per-row faker calls would dominate the run time.
 */
export interface BenchPlan {
  orgId: string;
  now: number;
  rng: Random;
  /** Owners of records, by round robin; index 0 is the manager. */
  owners: { id: string; name: string }[];
  sizes: BenchSizes;
  contactIds: string[];
  dealIds: string[];
  dealContact: Int32Array;
  dealValue: Float64Array;
  dealStage: Uint8Array;
  contactDeals: Int32Array;
  contactOpenDeals: Int32Array;
  contactValue: Float64Array;
  firstNames: string[];
  lastNames: string[];
  companies: string[];
  domain: string;
}

export interface BenchSizes {
  contacts: number;
  deals: number;
  conversations: number;
  messagesPerConversation: number;
  events: number;
}

export function benchSizes(scale: number): BenchSizes {
  const at = (n: number) => Math.max(1, Math.round(n * scale));
  return {
    contacts: at(100_000),
    deals: at(50_000),
    conversations: at(20_000),
    messagesPerConversation: 10,
    events: at(50_000),
  };
}

export function makePlan(input: {
  orgId: string;
  now: number;
  owners: { id: string; name: string }[];
  sizes: BenchSizes;
  domain: string;
}): BenchPlan {
  const rng = new Random(7);
  faker.seed(7);
  const { sizes } = input;
  const plan: BenchPlan = {
    ...input,
    rng,
    contactIds: Array.from({ length: sizes.contacts }, () => newId()),
    dealIds: Array.from({ length: sizes.deals }, () => newId()),
    dealContact: new Int32Array(sizes.deals),
    dealValue: new Float64Array(sizes.deals),
    dealStage: new Uint8Array(sizes.deals),
    contactDeals: new Int32Array(sizes.contacts),
    contactOpenDeals: new Int32Array(sizes.contacts),
    contactValue: new Float64Array(sizes.contacts),
    firstNames: Array.from({ length: 400 }, () => faker.person.firstName()),
    lastNames: Array.from({ length: 400 }, () => faker.person.lastName()),
    companies: Array.from({ length: 2_000 }, () => faker.company.name()),
  };
  for (let d = 0; d < sizes.deals; d++) {
    const contact = rng.int(0, sizes.contacts - 1);
    const stage = rng.int(0, ALL_STAGES.length - 1);
    const value = rng.int(6, 300) * 500;
    plan.dealContact[d] = contact;
    plan.dealStage[d] = stage;
    plan.dealValue[d] = value;
    plan.contactDeals[contact] = (plan.contactDeals[contact] ?? 0) + 1;
    plan.contactValue[contact] = (plan.contactValue[contact] ?? 0) + value;
    if (stage < 4) plan.contactOpenDeals[contact] = (plan.contactOpenDeals[contact] ?? 0) + 1;
  }
  return plan;
}

export function stageOf(plan: BenchPlan, deal: number): DealStage {
  return ALL_STAGES[plan.dealStage[deal] ?? 0] ?? 'prospect';
}

export function contactName(plan: BenchPlan, i: number): { first: string; name: string } {
  const first = plan.firstNames[i % plan.firstNames.length] ?? 'Alex';
  const last = plan.lastNames[Math.floor(i / plan.firstNames.length) % plan.lastNames.length];
  return { first, name: `${first} ${last ?? 'Smith'}` };
}

export function companyOf(plan: BenchPlan, i: number): string {
  // Consecutive contacts share a company now and then, as colleagues do.
  return plan.companies[Math.floor(i / 3) % plan.companies.length] ?? 'Acme';
}

/** Contacts are dealt round robin to the owners, so every record of a contact shares its owner. */
export function ownerOf(plan: BenchPlan, contact: number): { id: string; name: string } {
  const owner = plan.owners[contact % plan.owners.length];
  if (!owner) throw new Error('bench plan has no owners');
  return owner;
}
