import type {
  CalendarFilter,
  ConversationFilter,
  DealFilter,
  NlEntity,
  NlQueryFilters,
  NlQueryIntent,
  NlQueryResult,
} from '@flow/contracts';
import { DateTime, IANAZone } from 'luxon';
import { extractAmounts } from './amounts';
import { extractDateRange, type DateFound, type Tense } from './dates';
import {
  VOCABULARY,
  detectAggregate,
  detectFlags,
  detectNoun,
  detectStage,
  type Aggregate,
  type Flags,
} from './keywords';
import { matchNames, type KnownContact, type NamesFound } from './names';
import { buildRoute } from './route';
import { Claims } from './text';
import { normalize } from './fuzzy';

export interface QueryContext {
  now: Date;
  /** IANA zone of the user; date phrases resolve to calendar days there. */
  timezone: string;
  knownContacts?: KnownContact[];
  knownCompanies?: string[];
}

/**
 * The contract's result plus what it has no field for: the aggregate asked for ("how many",
 * "total") and the conversation / calendar list filter the route carries. Extra keys are dropped
 * by the response schema, so the route stays the one thing the web app must read.
 */
export interface ParsedQuery extends NlQueryResult {
  aggregate?: Aggregate;
  conversationFilter?: ConversationFilter;
  calendarFilter?: CalendarFilter;
}

/** API.md §5: "high-value" means above 50,000 (the organization default). */
export const HIGH_VALUE_THRESHOLD = 50_000;
/** API.md §6: closing-soon = expected close within 30 days. */
const CLOSING_SOON_DAYS = 30;

const PAST =
  /\b(won|lost|closed|did|was|were|had|ago|since|received|sent|signed|booked|created|added|happened|held|met|spoke|talked|last|past|previous|yesterday)\b/;
const FUTURE =
  /\b(will|closing|close|closes|upcoming|coming|next|due|expected|scheduled|planned|going to|tomorrow)\b/;

function tenseOf(s: string): Tense {
  const past = PAST.test(s);
  const future = FUTURE.test(s);
  return past === future ? 'neutral' : past ? 'past' : 'future';
}

/** Lower-cases without changing the length, so positions found in it index the original. */
function lowerKeepingPositions(text: string): string {
  return Array.from(text, (ch) => {
    const lower = ch.toLowerCase();
    return lower.length === ch.length ? lower : ch;
  }).join('');
}

/** Free text after "about", "mentioning"… that no other reader claimed. */
function topicOf(query: string, s: string, claims: Claims): string | undefined {
  const lead =
    /\b(about|mentioning|regarding|re:|containing|titled|called|named|concerning)\s+/.exec(s);
  if (!lead) return undefined;
  const words: string[] = [];
  const re = /[\p{L}\p{N}][\p{L}\p{N}'’&.-]*/gu;
  re.lastIndex = lead.index + lead[0].length;
  for (let m = re.exec(query); m && words.length < 4; m = re.exec(query)) {
    const free = claims.isFree(m.index, m.index + m[0].length);
    if (!free || VOCABULARY.has(normalize(m[0]))) break;
    claims.claim(m.index, m.index + m[0].length);
    words.push(m[0]);
  }
  return words.length > 0 ? words.join(' ') : undefined;
}

interface Cues {
  noun?: Exclude<NlQueryIntent, 'unknown'>;
  flags: Flags;
  hasStage: boolean;
  hasAmount: boolean;
  hasDate: boolean;
  names: NamesFound;
  aggregate?: Aggregate;
}

/** The record type named, else the one the other words point to. */
function resolveIntent(c: Cues): NlQueryIntent {
  if (c.noun) return c.noun;
  const named = Boolean(c.names.contact ?? c.names.company ?? c.names.ambiguous);
  if (c.hasStage || c.hasAmount || c.flags.hot || c.flags.closingVerb || c.aggregate === 'sum')
    return 'find-deals';
  if (c.flags.unread || c.flags.archived) return 'find-messages';
  if (c.flags.followUp) return 'find-events';
  if (c.flags.atRisk) return named ? 'find-contacts' : 'find-deals';
  if (c.flags.highValue || c.flags.recent) return 'find-contacts';
  if (c.hasDate) return 'find-events';
  if (named) return 'find-contacts';
  return 'unknown';
}

function dealFilterOf(
  flags: Flags,
  date: DateFound | undefined,
  closed: boolean,
  now: Date,
  zone: string,
): DealFilter | undefined {
  if (flags.atRisk) return 'at-risk';
  if (flags.hot) return 'hot';
  if (flags.closingSoon) return 'closing-soon';
  if (!flags.closingVerb || closed) return undefined;
  // "closing this month" means open deals; the filter only fits when the range ends within its 30 days.
  const today = DateTime.fromJSDate(now, { zone }).startOf('day');
  const to = date?.range.to;
  if (!date) return 'closing-soon';
  if (!to) return undefined;
  const limit = today.plus({ days: CLOSING_SOON_DAYS }).toISODate() ?? '';
  return to >= (today.toISODate() ?? '') && to <= limit ? 'closing-soon' : undefined;
}

export function parseQuery(query: string, context: QueryContext): ParsedQuery {
  // IANAZone.create is cached by luxon; isValidZone builds a new Intl formatter on every call.
  const zone = IANAZone.create(context.timezone).isValid ? context.timezone : 'UTC';
  const s = lowerKeepingPositions(query);
  const claims = new Claims();
  const quoted = /["“”]([^"“”]+)["“”]/.exec(s);
  if (quoted) claims.claim(quoted.index, quoted.index + quoted[0].length);
  const date = extractDateRange(
    s,
    { now: context.now, timezone: zone, tense: tenseOf(s) },
    claims,
    query,
  );
  const amount = extractAmounts(s, claims, query);
  const flags = detectFlags(s, claims);
  const stage = detectStage(s, claims);
  const noun = detectNoun(s, claims);
  const aggregate = detectAggregate(s);
  const names = matchNames(
    query,
    claims,
    context.knownContacts ?? [],
    context.knownCompanies ?? [],
  );
  const topic = quoted
    ? query.slice(quoted.index + 1, quoted.index + quoted[0].length - 1).trim()
    : topicOf(query, s, claims);

  const intent = resolveIntent({
    noun,
    flags,
    hasStage: Boolean(stage),
    hasAmount: amount.entities.length > 0,
    hasDate: Boolean(date),
    names,
    aggregate,
  });
  const filters: NlQueryFilters = {};
  if (stage) filters.stage = stage.stage;
  if (intent === 'find-deals') {
    const closed = stage?.stage === 'closed-won' || stage?.stage === 'closed-lost';
    const dealFilter = dealFilterOf(flags, date, closed, context.now, zone);
    if (dealFilter) filters.dealFilter = dealFilter;
    if (flags.highValue && amount.min === undefined) filters.minValue = HIGH_VALUE_THRESHOLD;
  }
  if (intent === 'find-contacts') {
    const contactFilter = flags.atRisk
      ? 'at-risk'
      : flags.highValue
        ? 'high-value'
        : flags.recent
          ? 'recent'
          : undefined;
    if (contactFilter) filters.contactFilter = contactFilter;
  }
  if (amount.min !== undefined) filters.minValue = amount.min;
  if (amount.max !== undefined) filters.maxValue = amount.max;
  if (date?.range.from) filters.dateFrom = date.range.from;
  if (date?.range.to) filters.dateTo = date.range.to;
  if (flags.priority) filters.priority = flags.priority;
  if (names.contact) filters.contactId = names.contact.id;
  if (names.company) filters.company = names.company.name;
  const search = topic ?? names.contact?.name ?? names.ambiguous?.text ?? names.company?.name;
  if (search) filters.search = search;

  const entities: NlEntity[] = [];
  if (stage)
    entities.push({
      type: 'stage',
      text: query.slice(stage.start, stage.start + stage.text.length),
      value: stage.stage,
    });
  if (names.contact)
    entities.push({ type: 'contact', text: names.contact.text, value: names.contact.id });
  if (names.company)
    entities.push({ type: 'company', text: names.company.text, value: names.company.name });
  if (date) {
    const { from, to } = date.range;
    entities.push({
      type: 'date',
      text: date.text,
      value: from === to ? (from ?? '') : `${from ?? '..'}/${to ?? '..'}`,
    });
  }
  entities.push(...amount.entities);

  const result: ParsedQuery = { intent, filters, entities, suggestedRoute: '' };
  if (aggregate) result.aggregate = aggregate;
  if (intent === 'find-messages') {
    const f = flags.unread
      ? 'unread'
      : flags.followUp
        ? 'follow-up'
        : flags.archived
          ? 'archived'
          : flags.priority === 'high'
            ? 'high-priority'
            : undefined;
    if (f) result.conversationFilter = f;
  }
  if (intent === 'find-events') {
    const f = flags.followUp
      ? 'follow-ups'
      : flags.priority === 'high'
        ? 'high-priority'
        : undefined;
    if (f) result.calendarFilter = f;
  }
  // Deals lists filter on the expected close date only; a creation date is shown as newest first.
  const created = intent === 'find-deals' && /\b(created|added|opened|new)\b/.test(s);
  const sort = intent === 'find-deals' && (flags.recent || created) ? '-createdDate' : undefined;
  const routeFilters = created ? { ...filters, dateFrom: undefined, dateTo: undefined } : filters;
  result.suggestedRoute = buildRoute(intent, routeFilters, { ...result, sort }, query);
  return result;
}
