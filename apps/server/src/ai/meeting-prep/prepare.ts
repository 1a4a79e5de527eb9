import type { DealStage, MeetingPreparation } from '@flow/contracts';
import { competitorIntel, competitorOf } from './competitors';
import { documentsToShare } from './documents';
import {
  daysBetween,
  findCommitments,
  findPersonal,
  formatDay,
  history,
  origin,
  shorten,
  undated,
  type Snippet,
} from './extract';
import { money, talkingPoints } from './talking-points';
import type { PrepareMeetingInput } from './types';

/** The step a deal at this stage usually needs when the history names none. */
const DEFAULT_NEXT_STEP: Record<DealStage, string> = {
  prospect: 'qualify need and budget',
  qualified: 'scope and send a proposal',
  proposal: 'get feedback on the proposal',
  negotiation: 'agree the final terms and send the contract',
  'closed-won': 'kick off onboarding',
  'closed-lost': 'none, the deal is closed',
};

const RECENT_LIMIT = 5;

function recentInteractions(dated: Snippet[]): string[] {
  return dated.slice(0, RECENT_LIMIT).map((s) => {
    const mood = s.sentiment ? ` · ${s.sentiment}` : '';
    const text = s.subject ? `${s.subject} — ${s.text}` : s.text;
    return `${formatDay(s.date ?? '')} · ${s.source}${mood}: ${shorten(text, 90)}`;
  });
}

/** "Next step: send the pricing" written in an activity beats any default. */
function nextStep(input: PrepareMeetingInput, dated: Snippet[]): string {
  for (const s of dated) {
    const m = /\bnext steps?\s*(?:is|are|:|-)?\s*([^.;\n]{3,120})/i.exec(s.text);
    if (m?.[1]) return `${m[1].trim()} ${origin(s)}`;
  }
  const promised = findCommitments(dated, 1)[0];
  if (promised) return `${promised.text} ${origin(promised)}`;
  return input.deal ? DEFAULT_NEXT_STEP[input.deal.stage] : '';
}

function dealContext(input: PrepareMeetingInput, dated: Snippet[]): string | undefined {
  const deal = input.deal;
  if (!deal) return undefined;
  const days = -daysBetween(deal.expectedCloseDate, input.now);
  const open = deal.stage !== 'closed-won' && deal.stage !== 'closed-lost';
  const when = !open
    ? `closed (expected ${formatDay(deal.expectedCloseDate)})`
    : days >= 0
      ? `expected to close ${formatDay(deal.expectedCloseDate)} (in ${days} days)`
      : `expected close ${formatDay(deal.expectedCloseDate)} is ${-days} days overdue`;
  const signals = `${deal.riskFactors.length} risk factor${deal.riskFactors.length === 1 ? '' : 's'}, ${
    deal.positiveSignals.length
  } positive signal${deal.positiveSignals.length === 1 ? '' : 's'}`;
  return `${deal.title}: ${deal.stage}, value ${money(deal.value)}, ${deal.probability}% probability, ${when}; ${signals}. Next step: ${nextStep(input, dated)}.`;
}

function personalNotes(input: PrepareMeetingInput, dated: Snippet[]): string[] {
  const notes = (input.contact?.notes ?? []).map((n) => n.trim()).filter(Boolean);
  const found = findPersonal(dated).map((p) => `${p.text} ${origin(p)}`);
  return [...new Set([...notes, ...found])].slice(0, 6);
}

/**
 * Preparation for a calendar event from the contact's history and the deal: talking points by
 * event type, recent interactions, deal context, competitor intel, personal notes and documents.
 * Pure: the same input gives the same output, and `now` is the only clock.
 */
export function prepareMeeting(input: PrepareMeetingInput): MeetingPreparation {
  const dated = history(input);
  const all = [...dated, ...undated(input)];
  const competitor =
    input.event.type === 'personal'
      ? undefined
      : competitorOf(input.deal?.competitorMentioned, all);
  const prep: MeetingPreparation = {
    suggestedTalkingPoints: talkingPoints({ dated, all, competitor }, input),
    recentInteractions: input.event.type === 'personal' ? [] : recentInteractions(dated),
    personalNotes: input.event.type === 'internal' ? [] : personalNotes(input, dated),
    documentsToShare:
      input.event.type === 'personal' ? [] : documentsToShare(input, all, competitor),
  };
  const context = input.event.type === 'personal' ? undefined : dealContext(input, dated);
  if (context) prep.dealContext = context;
  if (competitor) prep.competitorIntel = competitorIntel(competitor, all);
  return prep;
}
