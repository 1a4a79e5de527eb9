export { suggestSlots, preparationFor } from './suggest';
export { isPhysical } from './time';
export {
  DEFAULT_WORKING_HOURS,
  type BusyEvent,
  type SuggestSlotsInput,
  type WorkingHours,
} from './types';
