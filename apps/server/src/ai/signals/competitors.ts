/**
 * Competitor detection: well-known CRM and sales-tool vendors by name, plus phrasings that
 * introduce an unknown vendor ("also talking to Acme", "Brightly offered 20% off"). Each mention
 * gets a stance: still being evaluated, ruled out, or the incumbent being replaced. Mentions in an
 * integration context ("sync with HubSpot") are not competition and are ignored.
 */
import { isNegated } from '../message-analysis/text';

export type Stance = 'evaluated' | 'ruled-out' | 'incumbent';

export interface CompetitorMention {
  name: string;
  stance: Stance;
}

/** Canonical name → pattern. Ambiguous words (Copper, Close, Monday) need a qualifier or capitals. */
const KNOWN: readonly [string, RegExp][] = [
  ['Salesforce', /\b(?:salesforce(?:\.com)?|sfdc|sales cloud)\b/i],
  ['HubSpot', /\bhub ?spot\b/i],
  ['Pipedrive', /\bpipedrive\b/i],
  ['Zoho CRM', /\bzoho(?: crm)?\b/i],
  ['Microsoft Dynamics', /\b(?:(?:microsoft|ms) dynamics(?: 365)?|dynamics 365|dynamics crm)\b/i],
  ['Freshsales', /\b(?:freshsales|freshworks(?: crm)?)\b/i],
  ['Close', /\b(?:close\.com|close crm)\b/i],
  ['Copper', /\b(?:Copper|copper crm)\b/],
  ['Insightly', /\binsightly\b/i],
  ['SugarCRM', /\bsugar ?crm\b/i],
  ['monday.com', /\b(?:monday\.com|monday (?:sales )?crm)\b/i],
  ['Zendesk Sell', /\bzendesk sell\b/i],
  ['Keap', /\b(?:keap|infusionsoft)\b/i],
  ['Nimble', /\bNimble\b/],
  ['Attio', /\battio\b/i],
  ['Affinity', /\bAffinity\b/],
  ['Salesloft', /\bsales ?loft\b/i],
  ['Outreach', /\boutreach\.io\b|(?<=\w[^.!?]*\s)Outreach\b/],
  [
    'Apollo',
    /\bapollo(?:\.io)?\b(?=[^.!?]*\b(?:sales|crm|offered|quote|pricing|demo|cheaper|tool|platform)\b)|\bapollo\.io\b/i,
  ],
  ['Gong', /\bGong\b/],
  ['Oracle', /\b(?:oracle(?: cx| sales)?|netsuite)\b/i],
  ['SAP', /\bSAP(?: Sales Cloud| CX)?\b/],
  ['Creatio', /\bcreatio\b/i],
  ['Bitrix24', /\bbitrix ?24\b/i],
  ['ActiveCampaign', /\bactive ?campaign\b/i],
  ['Capsule', /\bcapsule crm\b/i],
  ['Nutshell', /\bnutshell crm\b|\bNutshell\b/],
  ['Odoo', /\bodoo\b/i],
  ['Vtiger', /\bvtiger\b/i],
];

const NAME = String.raw`([A-Z][\w.&'-]*(?:\s+(?:[A-Z][\w.&'-]*|CRM|\.io))?)`;

/** Phrasings that introduce a vendor by name; group 1 is the name. */
const EVALUATED: readonly RegExp[] = [
  new RegExp(
    String.raw`\b(?:also (?:talking|speaking) (?:to|with)|in (?:talks|conversations) with|got a (?:quote|demo|proposal|offer) from|(?:quote|offer|proposal|bid|counter-?offer) from)\s+${NAME}`,
  ),
  new RegExp(
    String.raw`\bcompar(?:ing|ed|e) (?:you|us|your \w+|it|this|the two|options)? ?(?:with|to|against|and)\s+${NAME}`,
  ),
  new RegExp(
    String.raw`\b(?:evaluating|considering|trialing|trialling|piloting|shortlisted|leaning towards|going with|went with|chose|picked|selected)\s+${NAME}`,
  ),
  new RegExp(
    String.raw`\b(?:alternatives?|competitors?|vendors?|options) (?:like|such as|including)\s+${NAME}`,
  ),
  new RegExp(
    String.raw`${NAME}\s+(?:offered|quoted|came in (?:lower|cheaper|under)|is (?:cheaper|offering)|are (?:cheaper|offering)|undercut|gave us|proposed (?:a|an)|has a cheaper)`,
  ),
];

const RULED_OUT =
  /\b(?:decided against|ruled out|rejected|dropped|passed on|not (?:going with|considering|evaluating|looking at)|no longer (?:considering|evaluating|talking to|looking at))\s+$/i;
const INCUMBENT =
  /\b(?:(?:migrat\w+|mov\w+|switch\w*) (?:away )?(?:from|off(?: of)?)|replac\w+|unhappy with|frustrated with|leaving|outgrown|outgrew|currently (?:on|using)|stuck (?:on|with))\s+(?:our |the )?$/i;
const INTEGRATION_BEFORE =
  /\b(?:integrat\w*|sync\w*|connect\w*|import\w*|export\w*|push\w*|pull\w*|plugin|connector|works?)\b[^.!?]{0,30}?\b(?:with|to|from|into|for|in)\s+(?:our |the |your )?$/i;
const INTEGRATION_AFTER =
  /^\s*(?:integration|connector|sync|plugin|api|app|data|fields?|export|import|instance|account|login|sso)\b/i;

/** Capitalised words that look like names in the patterns above but are not vendors. */
const NOT_VENDORS = new Set(
  `I We You They He She It Our Your Their The This That These Those A An Option Plan Tier Phase Next
  Last First Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May
  June July August September October November December Q1 Q2 Q3 Q4 CEO CFO CTO COO CIO VP Legal
  Finance Procurement IT Security Board Team Management Sales Marketing Engineering Support Ops
  Operations Leadership Mr Mrs Ms Dr Excel Spreadsheets Google Sheets Email Gmail Outlook Slack`.split(
    /\s+/,
  ),
);

/** Mentions in one sentence, in reading order. */
export function findCompetitors(sentence: string): CompetitorMention[] {
  const hits: { index: number; mention: CompetitorMention }[] = [];
  const covered: [number, number][] = [];
  for (const [name, pattern] of KNOWN) {
    const re = new RegExp(
      pattern.source,
      pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`,
    );
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const before = sentence.slice(0, m.index);
      const after = sentence.slice(m.index + m[0].length);
      covered.push([m.index, m.index + m[0].length]);
      if (INTEGRATION_BEFORE.test(before) || INTEGRATION_AFTER.test(after)) continue;
      hits.push({
        index: m.index,
        mention: { name, stance: stanceAt(sentence, m.index, m[0].length) },
      });
    }
  }
  for (const pattern of EVALUATED) {
    const re = new RegExp(pattern.source, 'g');
    for (let m = re.exec(sentence); m; m = re.exec(sentence)) {
      const raw = m[1] ?? '';
      const start = m.index + m[0].indexOf(raw);
      if (covered.some(([a, b]) => start < b && start + raw.length > a)) continue;
      const name = cleanName(raw);
      if (!name) continue;
      hits.push({ index: start, mention: { name, stance: stanceAt(sentence, start, raw.length) } });
    }
  }
  return hits.sort((a, b) => a.index - b.index).map((h) => h.mention);
}

function stanceAt(sentence: string, index: number, length: number): Stance {
  const before = sentence.slice(Math.max(0, index - 60), index);
  if (RULED_OUT.test(before)) return 'ruled-out';
  if (INCUMBENT.test(before)) return 'incumbent';
  if (isNegated(sentence, index, length, 4)) return 'ruled-out';
  return 'evaluated';
}

/** Trims possessives and trailing filler; rejects pronouns, roles, months and the like. */
function cleanName(raw: string): string | undefined {
  const parts = raw
    .replace(/'s$/, '')
    .replace(/[.,;:]+$/, '')
    .split(/\s+/)
    .filter(Boolean);
  while (parts.length > 0 && NOT_VENDORS.has(parts[parts.length - 1] ?? '')) parts.pop();
  const first = parts[0];
  if (!first || NOT_VENDORS.has(first) || first.length < 2) return undefined;
  return parts.join(' ');
}
