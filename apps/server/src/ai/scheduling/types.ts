import type { CalendarEventType } from '@flow/contracts';

export interface BusyEvent {
  startTime: string;
  endTime: string;
  location?: string;
  type: CalendarEventType;
}

export interface WorkingHours {
  /** Local wall-clock "HH:mm" in the user's time zone. */
  start: string;
  end: string;
  /** ISO weekdays, 1 = Monday … 7 = Sunday (0 is accepted for Sunday too). */
  days: number[];
}

export interface SuggestSlotsInput {
  durationMinutes: number;
  preferredTimes?: { startTime: string; endTime: string }[];
  events: BusyEvent[];
  /** IANA zone of the user: working hours and the 15-minute grid are local to it. */
  timezone: string;
  workingHours?: WorkingHours;
  now: Date;
  horizonDays?: number;
  contactTimezone?: string;
  /** Travel each way for an in-person event (default 30). */
  travelMinutes?: number;
  /** Overrides the preparation time derived from the meeting type. */
  preparationMinutes?: number;
  count?: number;
  /** What is being scheduled: mornings suit demos, and it sets the default preparation time. */
  type?: CalendarEventType;
  /** Where the new meeting happens; a physical place needs travel before and after it too. */
  location?: string;
}

export const DEFAULT_WORKING_HOURS: WorkingHours = {
  start: '09:00',
  end: '17:30',
  days: [1, 2, 3, 4, 5],
};
export const DEFAULT_TRAVEL_MINUTES = 30;
export const DEFAULT_HORIZON_DAYS = 14;
export const DEFAULT_COUNT = 5;
export const GRID_MINUTES = 15;
