import type {
  CalendarFilter,
  ConversationFilter,
  NlQueryFilters,
  NlQueryIntent,
} from '@flow/contracts';

/**
 * The web app path for a parsed query. Parameter names are those of the list routes' query
 * schemas (DealsQuery: closeFrom/closeTo, CalendarEventsQuery: start/end), so the page can pass
 * them straight to the API.
 */
export interface RouteExtras {
  conversationFilter?: ConversationFilter;
  calendarFilter?: CalendarFilter;
  /** Deals only: newest first for "recent deals". */
  sort?: string;
}

export function buildRoute(
  intent: NlQueryIntent,
  f: NlQueryFilters,
  extras: RouteExtras,
  query: string,
): string {
  const params = new URLSearchParams();
  const put = (key: string, value: string | number | undefined) => {
    if (value !== undefined && value !== '') params.set(key, String(value));
  };
  let path: string;
  switch (intent) {
    case 'find-deals':
      path = '/deals';
      put('filter', f.dealFilter);
      put('stage', f.stage);
      put('minValue', f.minValue);
      put('maxValue', f.maxValue);
      put('closeFrom', f.dateFrom);
      put('closeTo', f.dateTo);
      put('search', f.search);
      put('sort', extras.sort);
      break;
    case 'find-contacts':
      path = '/contacts';
      put('filter', f.contactFilter);
      put('search', f.search);
      break;
    case 'find-messages':
      path = '/conversations';
      put('filter', extras.conversationFilter);
      put('search', f.search);
      break;
    case 'find-events':
      path = '/calendar';
      put('start', f.dateFrom);
      put('end', f.dateTo);
      put('filter', extras.calendarFilter);
      put('search', f.search);
      break;
    default:
      // Nothing understood: the global search page still gets the words.
      path = '/search';
      put('q', query.trim());
  }
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}
