import type {
  CalendarEventType,
  CommunicationType,
  DealActivityType,
  DealStage,
  Sentiment,
} from '@flow/contracts';

export interface PrepCommunication {
  type: CommunicationType;
  date: string;
  subject?: string;
  summary: string;
  sentiment: Sentiment;
}

export interface PrepContact {
  name: string;
  company: string;
  title: string;
  notes: string[];
  communications: PrepCommunication[];
}

export interface PrepDeal {
  title: string;
  stage: DealStage;
  value: number;
  probability: number;
  riskFactors: string[];
  positiveSignals: string[];
  competitorMentioned?: string;
  activities: { type: DealActivityType; date: string; description: string }[];
  expectedCloseDate: string;
}

export interface PrepEvent {
  type: CalendarEventType;
  title: string;
  description?: string;
  startTime: string;
}

export interface PrepareMeetingInput {
  event: PrepEvent;
  contact?: PrepContact;
  deal?: PrepDeal;
  now: Date;
}
