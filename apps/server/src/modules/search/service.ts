import type { NlQueryBody, NlQueryResult, SearchQuery, SearchResult } from '@flow/contracts';
import { parseQuery } from '../../ai/query';
import type { Scope } from '../../platform/scope';
import { memberPreferences } from '../notifications/repository';
import type { ServiceDeps } from '../registry';
import { tagNamesOf } from '../tags/repository';
import { toEventSummary, toMessage } from './mappers';
import { contactSummaries, dealSummaries, withContact } from './read-models';
import * as repo from './repository';

/** Results per section: a quick-search dropdown, not a list page. */
const SECTION_LIMIT = 10;
/** Names looked up for the natural-language parser. */
const KNOWN_NAMES_LIMIT = 20;
/** Capitalised words are the ones that may be names ("deals with Acme", "calls with Jane Doe"). */
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}\p{N}'’&.-]*/gu;

export function createSearchService({ db, clock }: ServiceDeps) {
  const wants = (query: SearchQuery, section: SearchQuery['type']) =>
    query.type === 'all' || query.type === section;

  async function contacts(scope: Scope, q: string) {
    const rows = await repo.searchContacts(db, scope, q, SECTION_LIMIT);
    return contactSummaries(db, scope.organizationId, rows);
  }

  async function deals(scope: Scope, q: string) {
    const rows = await repo.searchDeals(db, scope, q, SECTION_LIMIT);
    return dealSummaries(db, scope.organizationId, withContact(rows));
  }

  async function messages(scope: Scope, q: string) {
    return (await repo.searchMessages(db, scope, q, SECTION_LIMIT)).map(toMessage);
  }

  async function events(scope: Scope, q: string) {
    const rows = await repo.searchEvents(db, scope, q, SECTION_LIMIT);
    const ids = rows.map((r) => r.id);
    const [tags, attendees] = await Promise.all([
      tagNamesOf(db, scope.organizationId, 'event', ids),
      repo.attendeesOf(db, scope.organizationId, ids),
    ]);
    return rows.map((r) => toEventSummary(r, tags.get(r.id) ?? [], attendees.get(r.id) ?? []));
  }

  return {
    /** API.md §9: each section ranked exact, prefix, word prefix, substring, then most recent. */
    async search(scope: Scope, query: SearchQuery): Promise<SearchResult> {
      const q = query.q;
      const [c, d, m, e] = await Promise.all([
        wants(query, 'contacts') ? contacts(scope, q) : [],
        wants(query, 'deals') ? deals(scope, q) : [],
        wants(query, 'messages') ? messages(scope, q) : [],
        wants(query, 'events') ? events(scope, q) : [],
      ]);
      return { contacts: c, deals: d, messages: m, events: e };
    },

    /**
     * Natural-language query → filters and a route (ai/query). Dates resolve in the caller's
     * time zone; the names it may mention are looked up among the contacts the caller can see.
     */
    async query(scope: Scope, body: NlQueryBody): Promise<NlQueryResult> {
      const words = [...new Set(body.query.match(CAPITALISED) ?? [])]
        .map((w) => w.replace(/[.'’-]+$/, ''))
        .filter((w) => w.length >= 2)
        .slice(0, 8);
      const [preferences, named] = await Promise.all([
        memberPreferences(db, scope.organizationId, scope.userId),
        repo.contactsNamed(db, scope, words, KNOWN_NAMES_LIMIT),
      ]);
      const parsed = parseQuery(body.query, {
        now: clock(),
        timezone: preferences?.timezone ?? 'UTC',
        knownContacts: named.map((c) => ({ id: c.id, name: c.name, company: c.company ?? '' })),
        knownCompanies: [...new Set(named.map((c) => c.company).filter((c): c is string => !!c))],
      });
      // Only the contract's fields: the parser's extras (aggregate, list filters) stay internal.
      return {
        intent: parsed.intent,
        filters: parsed.filters,
        entities: parsed.entities,
        suggestedRoute: parsed.suggestedRoute,
      };
    },
  };
}
export type SearchService = ReturnType<typeof createSearchService>;
