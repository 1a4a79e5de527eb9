export { parseQuery, HIGH_VALUE_THRESHOLD, type ParsedQuery, type QueryContext } from './parse';
export type { KnownContact } from './names';
export type { Aggregate } from './keywords';
