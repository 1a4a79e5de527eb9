import type { FastifyInstance } from 'fastify';
import type { Config } from '../config';
import type { LlmProvider } from '../ai/providers/llm';
import type { Tx } from '../db/tx';
import type { EventBus } from '../realtime/event-bus';
import type { Mutate } from '../realtime/mutate';
import { aiRoutes } from './ai/routes';
import { createAiService, type AiService } from './ai/service';
import { calendarRoutes } from './calendar/routes';
import { createCalendarService, type CalendarService } from './calendar/service';
import { contactsRoutes } from './contacts/routes';
import { createContactsService, type ContactsService } from './contacts/service';
import { conversationsRoutes } from './conversations/routes';
import { createConversationsService, type ConversationsService } from './conversations/service';
import { dashboardRoutes } from './dashboard/routes';
import { createDashboardService, type DashboardService } from './dashboard/service';
import { dealsRoutes } from './deals/routes';
import { createDealsService, type DealsService } from './deals/service';
import { importsRoutes } from './imports/routes';
import { createImportsService, type ImportsService } from './imports/service';
import { notificationsRoutes } from './notifications/routes';
import { createNotificationsService, type NotificationsService } from './notifications/service';
import { searchRoutes } from './search/routes';
import { createSearchService, type SearchService } from './search/service';
import { tagsRoutes } from './tags/routes';
import { createTagsService, type TagsService } from './tags/service';

/** Every domain service; a service reaches another through this at call time, never its repository. */
export interface DomainServices {
  contacts: ContactsService;
  deals: DealsService;
  conversations: ConversationsService;
  calendar: CalendarService;
  notifications: NotificationsService;
  dashboard: DashboardService;
  search: SearchService;
  tags: TagsService;
  imports: ImportsService;
  ai: AiService;
}

export interface ServiceDeps {
  db: Tx;
  mutate: Mutate;
  clock: () => Date;
  config: Config;
  bus: EventBus;
  /** The optional LLM provider (null → local engine only); use it through `withFallback`. */
  llm: LlmProvider | null;
  /** Filled once all services exist; use it inside methods, not while constructing. */
  services: DomainServices;
}

export function createDomainServices(core: Omit<ServiceDeps, 'services'>): DomainServices {
  const services = {} as DomainServices;
  const deps: ServiceDeps = { ...core, services };
  Object.assign(services, {
    contacts: createContactsService(deps),
    deals: createDealsService(deps),
    conversations: createConversationsService(deps),
    calendar: createCalendarService(deps),
    notifications: createNotificationsService(deps),
    dashboard: createDashboardService(deps),
    search: createSearchService(deps),
    tags: createTagsService(deps),
    imports: createImportsService(deps),
    ai: createAiService(deps),
  } satisfies DomainServices);
  return services;
}

/** Mounts every domain's routes under /api (authentication is already applied by the caller). */
export async function registerDomainRoutes(
  api: FastifyInstance,
  services: DomainServices,
): Promise<void> {
  await api.register(contactsRoutes, { prefix: '/contacts', contacts: services.contacts });
  await api.register(dealsRoutes, { prefix: '/deals', services });
  await api.register(conversationsRoutes, { services }); // /conversations, /messages, /inbound, /api-keys
  await api.register(calendarRoutes, { prefix: '/calendar', services });
  await api.register(notificationsRoutes, { prefix: '/notifications', services });
  await api.register(dashboardRoutes, { prefix: '/dashboard', services });
  await api.register(searchRoutes, { prefix: '/search', services });
  await api.register(tagsRoutes, { prefix: '/tags', services });
  await api.register(importsRoutes, { services }); // /import/*, /export/*
  await api.register(aiRoutes, { prefix: '/ai', services });
}
