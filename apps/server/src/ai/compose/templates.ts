/**
 * Template matching and filling. A template scores for its category (fitting the intent of the
 * contact's last message, the deal stage and whether we are waiting on them) and for the words it
 * shares with the conversation; variables are filled from the contact, deal and user, and unknown
 * ones stay visible as `{{name}}` for the user to complete.
 */
import type { BusinessIntent, DealStage, MessageTemplate, TemplateCategory } from '@flow/contracts';
import { firstNameOf, words } from '../message-analysis/text';

export interface TemplateContext {
  contact: { name: string; company?: string; title?: string };
  deal?: { title: string; stage: string; value: number; expectedCloseDate?: string };
  user: { name: string };
  subject?: string;
  topic?: string;
}

export interface MatchContext {
  intent?: BusinessIntent;
  stage?: string;
  /** Our message is the last one: the next move is a follow-up. */
  awaitingThem: boolean;
  /** Nothing has been exchanged yet: an introduction fits. */
  firstContact?: boolean;
  /** Recent messages, subject and draft: the words a template should share. */
  text: string;
}

const MAX_TEMPLATES = 3;
const MIN_SCORE = 2;

const INTENT_CATEGORY: Partial<Record<BusinessIntent, [TemplateCategory, number][]>> = {
  complaint: [['support', 3]],
  support: [['support', 3]],
  purchase: [['proposal', 3]],
  'follow-up': [['follow-up', 2]],
  inquiry: [
    ['introduction', 1],
    ['meeting', 1],
    ['proposal', 1],
  ],
};

const STAGE_CATEGORY: Partial<Record<DealStage, TemplateCategory>> = {
  prospect: 'introduction',
  qualified: 'meeting',
  proposal: 'proposal',
  negotiation: 'proposal',
};

const MEETING_WORDS =
  /\b(?:call|meeting|meet|schedule|calendar|demo|availability|slot|zoom|teams)\b/i;
const IGNORED = new Set(
  'the a an and or to of for in on at is are be we you i it this that with your our my hi hello thanks best regards let me know'.split(
    ' ',
  ),
);

export function matchTemplates(
  templates: readonly MessageTemplate[],
  match: MatchContext,
  fill: TemplateContext,
): MessageTemplate[] {
  const context = new Set(words(match.text).filter((w) => !IGNORED.has(w) && w.length > 2));
  const scored = templates.map((t) => ({ t, score: scoreTemplate(t, match, context) }));
  return scored
    .filter((s) => s.score >= MIN_SCORE)
    .sort(
      (a, b) =>
        b.score - a.score || a.t.name.localeCompare(b.t.name) || a.t.id.localeCompare(b.t.id),
    )
    .slice(0, MAX_TEMPLATES)
    .map((s) => fillTemplate(s.t, fill));
}

function scoreTemplate(t: MessageTemplate, match: MatchContext, context: Set<string>): number {
  let score = 0;
  for (const [category, weight] of (match.intent && INTENT_CATEGORY[match.intent]) || []) {
    if (t.category === category) score += weight;
  }
  if (match.stage && STAGE_CATEGORY[match.stage as DealStage] === t.category) score += 2;
  if (match.awaitingThem && t.category === 'follow-up') score += 3;
  if (match.firstContact && t.category === 'introduction') score += 3;
  if (t.category === 'meeting' && MEETING_WORDS.test(match.text)) score += 2;
  const own = new Set(
    words(`${t.name} ${t.content.replace(/\{\{[^}]*\}\}/g, ' ')}`).filter(
      (w) => !IGNORED.has(w) && w.length > 2,
    ),
  );
  let shared = 0;
  for (const w of own) if (context.has(w)) shared++;
  return score + Math.min(3, shared * 0.5);
}

/** Replaces the variables we know; `variables` then lists the ones still to fill. */
export function fillTemplate(template: MessageTemplate, ctx: TemplateContext): MessageTemplate {
  const values = variableValues(ctx);
  const left: string[] = [];
  const content = template.content.replace(/\{\{\s*([\w.-]+)\s*\}\}/g, (whole, name: string) => {
    const value = values.get(name.toLowerCase().replace(/[_.-]/g, ''));
    if (value !== undefined && value !== '') return value;
    if (!left.includes(name)) left.push(name);
    return whole;
  });
  return { ...template, content, variables: left };
}

function variableValues(ctx: TemplateContext): Map<string, string> {
  const parts = ctx.contact.name.trim().split(/\s+/);
  const first = firstNameOf(ctx.contact.name);
  const last = parts.length > 1 ? (parts[parts.length - 1] ?? '') : '';
  const values = new Map<string, string>();
  const set = (keys: string, value: string | undefined) => {
    if (value === undefined) return;
    for (const k of keys.split(' ')) values.set(k, value);
  };
  set('firstname contactfirstname', first);
  set('lastname contactlastname', last || undefined);
  set('name fullname contactname', ctx.contact.name.trim());
  set('company companyname contactcompany account organization', ctx.contact.company);
  set('title jobtitle contacttitle role', ctx.contact.title);
  set('sendername username myname yourname sender repname ownername', ctx.user.name);
  set('senderfirstname userfirstname', firstNameOf(ctx.user.name));
  set('subject', ctx.subject);
  set('topic', ctx.topic);
  if (ctx.deal) {
    set('dealtitle dealname deal', ctx.deal.title);
    set('dealvalue value amount', formatMoney(ctx.deal.value));
    set('dealstage stage', ctx.deal.stage.replace('-', ' '));
    set('closedate expectedclosedate dealclosedate', ctx.deal.expectedCloseDate?.slice(0, 10));
  }
  return values;
}

/** Grouped digits without a currency symbol: the org's currency is not known here. */
function formatMoney(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  const [whole = '0', cents] = Math.abs(rounded)
    .toFixed(Number.isInteger(rounded) ? 0 : 2)
    .split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${rounded < 0 ? '-' : ''}${grouped}${cents ? `.${cents}` : ''}`;
}
