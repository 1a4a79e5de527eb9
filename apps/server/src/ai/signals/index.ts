/**
 * Signal extraction (API.md §11): risk factors, positive signals and the competitor named in deal
 * activities and messages. Negation-aware, deduplicated, and reported in a fixed order (the rule
 * order in rules.ts, competitors first among the risks) so repeated runs compare cleanly.
 */
import { isNegated, normalize, splitSentences } from '../message-analysis/text';
import type { CompetitorMention, Stance } from './competitors';
import { findCompetitors } from './competitors';
import { SIGNAL_RULES } from './rules';

export { SIGNAL_RULES } from './rules';
export type { SignalRule } from './rules';

export interface ExtractedSignals {
  riskFactors: string[];
  positiveSignals: string[];
  /** The competitor mentioned most (first mentioned on a tie) that is still being evaluated. */
  competitor?: string;
}

export function extractSignals(texts: readonly string[]): ExtractedSignals {
  const fired = new Set<string>();
  const mentions: CompetitorMention[] = [];
  for (const text of texts) {
    for (const sentence of splitSentences(normalize(text))) {
      for (const rule of SIGNAL_RULES) {
        if (!fired.has(rule.label) && ruleFires(rule.patterns, rule.negatable, sentence)) {
          fired.add(rule.label);
        }
      }
      mentions.push(...findCompetitors(sentence));
    }
  }

  const { evaluated, ruledOut, incumbents } = resolveCompetitors(mentions);
  const riskFactors = [
    ...evaluated.map((name) => `Competitor evaluated: ${name}`),
    ...SIGNAL_RULES.filter((r) => r.kind === 'risk' && fired.has(r.label)).map((r) => r.label),
  ];
  const positiveSignals = [
    ...SIGNAL_RULES.filter((r) => r.kind === 'positive' && fired.has(r.label)).map((r) => r.label),
    ...incumbents.map((name) => `Replacing incumbent: ${name}`),
    ...ruledOut.map((name) => `Competitor ruled out: ${name}`),
  ];
  // A risk answered later in the same texts ("budget approved") outweighs the earlier worry.
  const resolved = new Map([
    ['Budget concerns', 'Budget approved'],
    ['Legal review pending', 'Legal approved'],
    ['Security review requested', 'Security review passed'],
  ]);
  const risks = riskFactors.filter((r) => !positiveSignals.includes(resolved.get(r) ?? ''));

  const result: ExtractedSignals = { riskFactors: risks, positiveSignals };
  const competitor = mostMentioned(mentions, evaluated);
  if (competitor) result.competitor = competitor;
  return result;
}

function ruleFires(patterns: readonly RegExp[], negatable: boolean, sentence: string): boolean {
  for (const pattern of patterns) {
    const re = new RegExp(pattern.source, 'gi');
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      if (!negatable || !isNegated(sentence, m.index, m[0].length)) return true;
      if (m[0].length === 0) re.lastIndex++;
    }
  }
  return false;
}

/** The last stance taken on each competitor wins: texts are read oldest first. */
function resolveCompetitors(mentions: readonly CompetitorMention[]) {
  const stance = new Map<string, Stance>();
  for (const m of mentions) stance.set(m.name, m.stance);
  const pick = (s: Stance) => [...stance].filter(([, v]) => v === s).map(([name]) => name);
  return {
    evaluated: pick('evaluated'),
    ruledOut: pick('ruled-out'),
    incumbents: pick('incumbent'),
  };
}

function mostMentioned(
  mentions: readonly CompetitorMention[],
  evaluated: readonly string[],
): string | undefined {
  let best: string | undefined;
  let bestCount = 0;
  for (const name of evaluated) {
    const count = mentions.filter((m) => m.name === name).length;
    if (count > bestCount) {
      best = name;
      bestCount = count;
    }
  }
  return best;
}
