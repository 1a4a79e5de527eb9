import { extractSignals } from '../signals';
import { findObjections, formatDay, quote, sentences, shorten, type Snippet } from './extract';

/**
 * Competitor intel: what to emphasise against well-known CRM vendors. The lines stay neutral —
 * each names the competitor's recognised strength and the angle where we compare well — so the
 * rep argues on fit, never disparages.
 */
const POSITIONING: [RegExp, string, string][] = [
  [
    /salesforce|sfdc/i,
    'Salesforce',
    'deep customisation and a large ecosystem; emphasise faster time-to-value, explainable built-in AI and less admin overhead',
  ],
  [
    /hub ?spot/i,
    'HubSpot',
    'a strong marketing suite; emphasise sales-specific AI (deal probability, churn risk, meeting prep) and pricing that does not step up with contact tiers',
  ],
  [
    /pipedrive/i,
    'Pipedrive',
    'a simple visual pipeline; emphasise guidance beyond tracking: probability with reasons, at-risk alerts and prepared meetings',
  ],
  [
    /zoho/i,
    'Zoho CRM',
    'a broad, low-cost suite; emphasise focus, ease of adoption and AI whose scores come with their reasons',
  ],
  [
    /dynamics/i,
    'Microsoft Dynamics',
    'fit with Microsoft-centric IT; emphasise a shorter rollout without a partner-led implementation',
  ],
  [
    /freshsales|freshworks/i,
    'Freshsales',
    'an affordable all-in-one; emphasise explainable forecasting and relationship health across every channel',
  ],
  [
    /monday/i,
    'monday.com',
    'flexible work boards; emphasise a CRM built for selling: stages, forecasts and signals out of the box',
  ],
  [
    /close/i,
    'Close',
    'built-in calling for inside sales; emphasise pipeline insight and meeting preparation across the whole team',
  ],
  [
    /copper/i,
    'Copper',
    'tight Google Workspace integration; emphasise AI insights and forecasting depth',
  ],
  [
    /insightly/i,
    'Insightly',
    'CRM plus project delivery; emphasise sales-side intelligence: signals, risks and next steps',
  ],
  [
    /sugar ?crm/i,
    'SugarCRM',
    'self-hosting and configurability; emphasise lower running effort and AI that works without setup',
  ],
  [
    /zendesk/i,
    'Zendesk Sell',
    'a link to support tickets; emphasise deal-level insights and forecast quality',
  ],
];

/** The competitor in play: the deal's own field first, else one found in the history. */
export function competitorOf(
  dealCompetitor: string | undefined,
  texts: Snippet[],
): string | undefined {
  if (dealCompetitor?.trim()) return dealCompetitor.trim();
  // Oldest first, as the signal extractor expects, so the latest stance on a vendor wins.
  return extractSignals(texts.map((t) => t.text).reverse()).competitor;
}

export function competitorIntel(name: string, texts: Snippet[]): string[] {
  const known = POSITIONING.find(([re]) => re.test(name));
  const lines: string[] = [];
  if (known) {
    lines.push(`${known[1]} is known for ${known[2]}.`);
  } else {
    lines.push(
      `${name} is in the evaluation: ask what they like about it and which criteria will decide, then compare on those criteria only.`,
    );
  }
  const word = (known?.[1] ?? name).split(/\s+/)[0] ?? name;
  const re = new RegExp(`\\b${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'i');
  for (const t of texts) {
    const sentence = sentences(t.text).find((s) => re.test(s));
    if (!sentence) continue;
    lines.push(
      `Mentioned${t.date ? ` on ${formatDay(t.date)}` : ''} (${t.source}): ${quote(shorten(sentence, 100))}`,
    );
    break;
  }
  const priceTalk = findObjections(texts, 5).find((o) =>
    /price|pricing|cost|budget|discount|cheaper/i.test(o.text),
  );
  if (priceTalk) {
    lines.push(
      `Price is part of the comparison (${quote(shorten(priceTalk.text, 80))}): show total cost and time-to-value, not licence price alone.`,
    );
  }
  return lines;
}
