import { DateTime } from 'luxon';
import type { PrepareMeetingInput } from './types';

/**
 * Sentences worth bringing to a meeting, found in the history: stated needs, promises, open
 * questions, objections and personal details. Every finding keeps its date and source so the
 * preparation can say where it came from.
 */

export interface Snippet {
  text: string;
  /** ISO date-time, or undefined for undated notes. */
  date?: string;
  source: string;
  /** Shown in the interaction list, but not searched: a subject line is a label, not a statement. */
  subject?: string;
  sentiment?: 'positive' | 'neutral' | 'negative';
}

const NEED =
  /\b(needs?|needed|looking for|want(s|ed)? to|requires?|required|must[- ]have|struggl\w*|pain points?|problems?|issues?|challenges?|frustrat\w*|manual(ly)?|too slow|takes too long|spend(s|ing)? (too much|hours)|wish(es)?|goal is|priority is|interested in)\b/i;
const COMMITMENT =
  /\b(will send|i'?ll send|we'?ll send|will share|promised|committed to|agreed to|next steps?|follow[- ]up on|action items?|get back to|send (over|them|him|her|the|a|our)|to (send|share|prepare|schedule))\b/i;
const QUESTION_WORDS = /^(can|could|does|do|is|are|how|what|when|why|will|would|which|who)\b/i;
const ASKED = /\basked (about|whether|if|for|how|what|when)\b/i;
const OBJECTION =
  /\b(price|pricing|expensive|costs?|costly|budget|discount|too high|cheaper|contract terms|legal|procurement|security review|concerns?|concerned|worr(y|ied)|hesitant|objections?|not sure|push(ed)? back)\b/i;
const PERSONAL =
  /\b(vacation|holiday|birthday|kids?|children|daughter|son|wife|husband|wedding|baby|marathon|golf|tennis|hiking|football|soccer|hobby|family|anniversary|dog|cat|congrat\w*|promoted|promotion|new role|parental leave)\b/i;

export function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?])\s+|\n+|;\s+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 3);
}

export function shorten(text: string, max = 110): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length <= max ? clean : `${clean.slice(0, max - 1).replace(/\s+\S*$/, '')}…`;
}

export function formatDay(iso: string): string {
  const d = DateTime.fromISO(iso, { zone: 'utc' });
  return d.isValid ? d.setLocale('en-GB').toFormat('d LLL yyyy') : iso;
}

export function daysBetween(fromIso: string, to: Date): number {
  const from = Date.parse(fromIso);
  return Number.isFinite(from) ? Math.floor((to.getTime() - from) / 86_400_000) : 0;
}

/** The dated texts of the history, newest first, leaving out anything dated after `now`. */
export function history(input: PrepareMeetingInput): Snippet[] {
  const out: Snippet[] = [];
  for (const c of input.contact?.communications ?? []) {
    out.push({
      text: c.summary,
      subject: c.subject,
      date: c.date,
      source: c.type,
      sentiment: c.sentiment,
    });
  }
  for (const a of input.deal?.activities ?? []) {
    out.push({ text: a.description, date: a.date, source: a.type });
  }
  const now = input.now.getTime();
  return out
    .filter((s) => s.date !== undefined && Date.parse(s.date) <= now)
    .sort((a, b) => Date.parse(b.date ?? '') - Date.parse(a.date ?? ''));
}

/** Notes and the event's own description: undated, but part of what we know. */
export function undated(input: PrepareMeetingInput): Snippet[] {
  const notes = (input.contact?.notes ?? []).map((text) => ({ text, source: 'note' }));
  const description = input.event.description
    ? [{ text: input.event.description, source: 'event' }]
    : [];
  return [...description, ...notes];
}

function find(snippets: Snippet[], test: (sentence: string) => boolean, limit: number): Snippet[] {
  const seen = new Set<string>();
  const out: Snippet[] = [];
  for (const s of snippets) {
    for (const sentence of sentences(s.text)) {
      const key = sentence.toLowerCase();
      if (!test(sentence) || seen.has(key)) continue;
      seen.add(key);
      out.push({ ...s, text: shorten(sentence) });
      if (out.length >= limit) return out;
    }
  }
  return out;
}

export const findNeeds = (s: Snippet[], limit = 3) => find(s, (t) => NEED.test(t), limit);
export const findCommitments = (s: Snippet[], limit = 4) =>
  find(s, (t) => COMMITMENT.test(t), limit);
export const findObjections = (s: Snippet[], limit = 3) => find(s, (t) => OBJECTION.test(t), limit);
export const findPersonal = (s: Snippet[], limit = 3) => find(s, (t) => PERSONAL.test(t), limit);
export const findQuestions = (s: Snippet[], limit = 2) =>
  find(
    s,
    (t) => t.endsWith('?') || ASKED.test(t) || (QUESTION_WORDS.test(t) && t.endsWith('?')),
    limit,
  );

/** Whether any text mentions one of the words (for documents: "security", "integration"…). */
export function mentions(snippets: Snippet[], re: RegExp): Snippet | undefined {
  return snippets.find((s) => re.test(s.text));
}

/** A finding in quotes, without the sentence's own full stop (a question keeps its mark). */
export function quote(text: string): string {
  return `"${text.replace(/[.;,:]+$/, '')}"`;
}

/** "(email, 3 Mar 2025)" or "(note)": where a finding came from. */
export function origin(s: Snippet): string {
  return s.date ? `(${s.source}, ${formatDay(s.date)})` : `(${s.source})`;
}
