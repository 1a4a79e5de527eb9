import { ErrorBodySchema } from '@flow/contracts';

/**
 * The error answers (API.md §1) a domain route that reads or changes owned records may give;
 * routes spread it into `response` beside their success schema so OpenAPI lists them.
 */
export const recordRouteErrors = {
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  422: ErrorBodySchema,
  429: ErrorBodySchema,
};
