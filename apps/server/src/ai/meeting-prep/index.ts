export { prepareMeeting } from './prepare';
export type {
  PrepareMeetingInput,
  PrepContact,
  PrepDeal,
  PrepEvent,
  PrepCommunication,
} from './types';
