import { ErrorBodySchema } from '@flow/contracts';

/** The error answers every route of this module may give (API.md §1). */
export const errors = {
  401: ErrorBodySchema,
  403: ErrorBodySchema,
  404: ErrorBodySchema,
  409: ErrorBodySchema,
  422: ErrorBodySchema,
  429: ErrorBodySchema,
};
