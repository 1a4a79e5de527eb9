import type { DealStage } from '@flow/contracts';
import {
  daysBetween,
  findCommitments,
  findNeeds,
  findObjections,
  findQuestions,
  formatDay,
  origin,
  quote,
  shorten,
  type Snippet,
} from './extract';
import type { PrepareMeetingInput } from './types';

/** Talking points by event type, each built from something found in the contact or the deal. */

export interface Findings {
  dated: Snippet[];
  all: Snippet[];
  competitor?: string;
}

/** What a meeting at each stage is for. */
const STAGE_GOAL: Record<DealStage, string> = {
  prospect: 'qualify it: confirm the problem, the budget, who decides and the timeline',
  qualified: 'agree the scope of a proposal: must-haves and how success will be measured',
  proposal: 'walk through the proposal and get feedback on each part',
  negotiation: 'settle the open terms and agree the path to signature',
  'closed-won': 'plan onboarding and look for expansion',
  'closed-lost': 'learn what decided it and keep the door open',
};

export const money = (n: number) => Math.round(n).toLocaleString('en-US');

function demoPoints(f: Findings, company: string): string[] {
  const needs = findNeeds(f.all);
  if (needs.length === 0) {
    return [
      `No stated needs on record for ${company}: open with two discovery questions before showing features.`,
    ];
  }
  const points = needs.map((n) => `Tailor the demo to their need: ${quote(n.text)} ${origin(n)}.`);
  if (f.competitor)
    points.push(`Show the workflows they would compare with ${f.competitor} side by side.`);
  return points;
}

function followUpPoints(f: Findings, input: PrepareMeetingInput): string[] {
  const promised = findCommitments(f.all).map(
    (c) => `Close the loop on: ${quote(c.text)} ${origin(c)}.`,
  );
  const asked = findQuestions(f.dated).map(
    (q) => `Answer their open question: ${quote(q.text)} ${origin(q)}.`,
  );
  const points = [...promised, ...asked];
  const last = f.dated[0];
  if (points.length === 0 && last) {
    points.push(
      `Recap the ${last.source} of ${formatDay(last.date ?? '')} (${quote(shorten(last.text, 80))}) and agree the next step.`,
    );
  }
  if (points.length === 0) {
    points.push(
      `No earlier interaction on record: confirm what "${input.event.title}" should settle.`,
    );
  }
  return points;
}

function callPoints(f: Findings): string[] {
  const last = f.dated[0];
  if (!last)
    return ['First conversation on record: qualify the need, timeline, budget and who decides.'];
  const points = [
    `Pick up from the ${last.source} of ${formatDay(last.date ?? '')}: ${quote(shorten(last.text, 90))}.`,
  ];
  if (last.sentiment === 'negative')
    points.push('Their tone was negative last time: acknowledge it before moving on.');
  for (const q of findQuestions([last])) points.push(`Answer: ${quote(q.text)}.`);
  for (const c of findCommitments([last], 2))
    points.push(`Confirm what was promised: ${quote(c.text)}.`);
  return points;
}

function meetingPoints(f: Findings, input: PrepareMeetingInput): string[] {
  const deal = input.deal;
  if (!deal) {
    const needs = findNeeds(f.all, 2).map(
      (n) => `Explore their stated need: ${quote(n.text)} ${origin(n)}.`,
    );
    return needs.length > 0 ? needs : [`Agree the purpose of "${input.event.title}" at the start.`];
  }
  const points = [`Goal at ${deal.stage}: ${STAGE_GOAL[deal.stage]}.`];
  if (deal.stage === 'negotiation' || deal.stage === 'proposal') {
    for (const o of findObjections(f.all))
      points.push(`Prepare a response to: ${quote(o.text)} ${origin(o)}.`);
    points.push(
      `Pricing: the deal stands at ${money(deal.value)}; decide beforehand what you can trade (term, scope, payment schedule) instead of discounting.`,
    );
  } else {
    for (const n of findNeeds(f.all, 2))
      points.push(`Connect to their need: ${quote(n.text)} ${origin(n)}.`);
  }
  return points;
}

function internalPoints(input: PrepareMeetingInput): string[] {
  const deal = input.deal;
  if (!deal)
    return input.event.description ? [`Agenda: ${shorten(input.event.description, 120)}`] : [];
  const points = [
    `Review ${deal.title}: ${deal.stage}, ${money(deal.value)} at ${deal.probability}%.`,
  ];
  for (const r of deal.riskFactors.slice(0, 3)) points.push(`Decide who handles the risk: ${r}.`);
  return points;
}

/** Lines that apply to any external meeting: risks, close date, silence, tone. */
const EXECUTIVE =
  /\b(ceo|cfo|coo|cro|cto|cio|chief|president|founder|owner|vp|vice president|head|director)\b/i;
const TECHNICAL =
  /\b(engineer|developer|architect|it|admin|administrator|devops|security|cto|cio)\b/i;

/** How to pitch to the person's role, when their title says it. */
function rolePoint(input: PrepareMeetingInput): string | undefined {
  const c = input.contact;
  if (!c?.title) return undefined;
  if (TECHNICAL.test(c.title) && input.event.type === 'demo') {
    return `${c.name} is ${c.title}: expect questions on setup, integrations and security.`;
  }
  if (EXECUTIVE.test(c.title))
    return `${c.name} is ${c.title}: lead with outcomes and numbers, keep detail for questions.`;
  if (TECHNICAL.test(c.title))
    return `${c.name} is ${c.title}: be ready for setup, integration and security detail.`;
  return undefined;
}

function commonPoints(f: Findings, input: PrepareMeetingInput): string[] {
  const points: string[] = [];
  const role = rolePoint(input);
  if (role) points.push(role);
  const deal = input.deal;
  if (deal) {
    for (const r of deal.riskFactors.slice(0, 2)) points.push(`Address the risk: ${r}.`);
    const positive = deal.positiveSignals[0];
    if (positive) points.push(`Build on what is working: ${positive}.`);
    const toClose = -daysBetween(deal.expectedCloseDate, input.now);
    const open = deal.stage !== 'closed-won' && deal.stage !== 'closed-lost';
    if (open && toClose < 0) {
      points.push(
        `The expected close date (${formatDay(deal.expectedCloseDate)}) has passed: agree a realistic new date.`,
      );
    } else if (open && toClose <= 14) {
      points.push(
        `Close is expected by ${formatDay(deal.expectedCloseDate)} (${toClose} days): confirm every step left to signature.`,
      );
    }
  }
  const last = f.dated[0];
  if (last?.date) {
    const silent = daysBetween(last.date, input.now);
    if (silent > 30)
      points.push(
        `Last interaction was ${silent} days ago: reconnect before getting into business.`,
      );
  }
  const recent = f.dated.filter((s) => s.sentiment).slice(0, 2);
  if (recent.length === 2 && recent.every((s) => s.sentiment === 'negative')) {
    points.push('The last two interactions were negative: listen first and name their concern.');
  }
  return points;
}

export function talkingPoints(f: Findings, input: PrepareMeetingInput): string[] {
  const company = input.contact?.company || input.contact?.name || 'them';
  let points: string[];
  switch (input.event.type) {
    case 'demo':
      points = demoPoints(f, company);
      break;
    case 'follow-up':
      points = followUpPoints(f, input);
      break;
    case 'call':
      points = callPoints(f);
      break;
    case 'meeting':
      points = meetingPoints(f, input);
      break;
    case 'internal':
      return internalPoints(input);
    case 'personal':
      return [];
  }
  const unique = [...new Set([...points, ...commonPoints(f, input)])];
  return unique.slice(0, 8);
}
