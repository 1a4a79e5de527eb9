/**
 * Signal rules: each names one risk factor or positive signal and the phrasings that reveal it.
 * The order of this list is the order signals are reported in (most decisive first), so the
 * output is stable whatever order the texts mention them in.
 */

export interface SignalRule {
  label: string;
  kind: 'risk' | 'positive';
  patterns: readonly RegExp[];
  /**
   * Whether a negation in front of the match cancels it ("no budget concerns"). Rules whose
   * patterns already contain the negation ("hasn't responded") set this to false.
   */
  negatable: boolean;
}

const rx = (source: string) => new RegExp(source, 'i');

export const SIGNAL_RULES: readonly SignalRule[] = [
  // ── risks ──────────────────────────────────────────────────────────────
  {
    label: 'Budget concerns',
    kind: 'risk',
    negatable: true,
    patterns: [
      rx(
        String.raw`\bbudget(?:ary)? (?:concerns?|constraints?|issues?|cuts?|freeze|pressure|is (?:tight|limited|an issue|a concern|a problem)|(?:is|was|has been) (?:cut|frozen|reduced|slashed)|problems?)\b`,
      ),
      rx(
        String.raw`\b(?:tight|limited|reduced|frozen|lack of|not enough|insufficient) budget\b|\b(?:there(?:'s| is)|have|has|got) no (?:budget|money|funding)\b(?! (?:concerns?|issues?|problems?))`,
      ),
      rx(
        String.raw`\b(?:too expensive|(?:price|pricing|cost|quote) (?:is|seems|was|looks) (?:too )?(?:high|steep|expensive)|over (?:our|the) budget|out of (?:our|the) (?:budget|price range)|can(?:'t|not) afford|pricing concerns?|cost concerns?|price (?:objection|pushback|concerns?)|pushed back on (?:price|pricing|cost))\b`,
      ),
    ],
  },
  {
    label: 'Legal review pending',
    kind: 'risk',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:legal (?:review|team is reviewing|is reviewing|needs to review|has (?:questions|concerns|comments))|(?:with|waiting on|pending|awaiting|sent to|stuck (?:in|with)) (?:our |their )?legal|contract review|redlines?|msa (?:review|changes|comments)|legal hasn't|legal (?:still )?(?:needs|wants))\b`,
      ),
    ],
  },
  {
    label: 'Security review requested',
    kind: 'risk',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:security (?:review|questionnaire|assessment|audit|team (?:needs|wants|is reviewing))|infosec (?:review|team)|vendor (?:risk )?assessment|soc ?2 (?:report|type ii?)? ?(?:request|requested)|(?:need|want|asked for|requested|asking for) (?:your |a |the |our )?(?:soc ?2|pen(?:etration)? test|security) (?:report|results|documentation|review|questionnaire)?|penetration test|dpa (?:review|required))\b`,
      ),
    ],
  },
  {
    label: 'Procurement delay',
    kind: 'risk',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:procurement (?:delays?|is slow|process|backlog|hold|review|hasn't|needs|requires)|(?:stuck|held up|waiting) (?:in|on|with) procurement|vendor (?:onboarding|registration|approval process)|waiting (?:on|for) (?:the |a )?(?:po|purchase order)|po (?:is )?(?:delayed|pending|not yet)|purchase order (?:is )?(?:delayed|pending))\b`,
      ),
    ],
  },
  {
    label: 'Decision delayed',
    kind: 'risk',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:pushed (?:back|out) (?:the )?(?:decision|timeline|start|launch|go-live)?|postponed?|on hold|paused|put (?:it|this|the project) on ice|deprioriti[sz]ed|delay(?:ed|ing)? (?:the )?(?:decision|project|purchase|signing|timeline)|next (?:quarter|fiscal year|year) instead|revisit (?:this|it) (?:in|next)|not a priority (?:right now|this quarter)|timeline (?:has )?slipped)\b`,
      ),
    ],
  },
  {
    label: 'Going silent',
    kind: 'risk',
    negatable: false,
    patterns: [
      rx(
        String.raw`\b(?:no (?:response|reply|answer) (?:from|since|to (?:my|our))|(?:hasn't|haven't|has not|have not|didn't|did not) (?:responded|replied|heard back|gotten back|answered|returned (?:my|our) calls?)|unresponsive|gone (?:quiet|dark|silent)|went (?:quiet|dark|silent)|ghost(?:ed|ing)|no-show|did not show|didn't show|missed (?:the|our) (?:call|meeting|demo)|cancelled (?:the|our) (?:call|meeting|demo) (?:again|without)|radio silence|left (?:on read|several voicemails|voicemails?))\b`,
      ),
    ],
  },
  {
    label: 'Champion at risk',
    kind: 'risk',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:champion (?:left|is leaving|moved|departed)|(?:is|was) leaving the company|left the company|reorg(?:ani[sz]ation)?|layoffs?|new (?:cfo|ceo|cto|vp|head of \w+|leadership) (?:joined|started|wants|is reviewing)|lost (?:our|the) (?:champion|sponsor))\b`,
      ),
    ],
  },
  {
    label: 'Feature gap',
    kind: 'risk',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:missing (?:feature|functionality|integration|capabilit\w+)|(?:doesn't|does not|can't|cannot) (?:support|integrate with|handle)|lacks? (?:support|integration|feature)|deal ?breaker|must-have (?:is )?missing|gap in (?:functionality|features))\b`,
      ),
    ],
  },
  {
    label: 'Decision maker not engaged',
    kind: 'risk',
    negatable: false,
    patterns: [
      rx(
        String.raw`\b(?:not the (?:decision[- ]maker|one who decides|final say)|need (?:to get )?(?:approval|sign-off|buy-in) from (?:my|our|the) (?:boss|manager|ceo|cfo|board|vp)|(?:haven't|have not|never) (?:met|spoken (?:to|with)|talked to) (?:the )?(?:decision[- ]maker|economic buyer|cfo|ceo)|no access to (?:the )?(?:decision[- ]maker|economic buyer))\b`,
      ),
    ],
  },
  {
    label: 'Cancellation risk',
    kind: 'risk',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:cancel(?:ling|ing)? (?:our|the|their) (?:contract|subscription|account|order)|not (?:going to )?renew(?:ing)?|won't (?:be )?renew(?:ing)?|churn(?:ing)?|terminate (?:the|our) (?:contract|agreement))\b`,
      ),
    ],
  },
  // ── positive signals ────────────────────────────────────────────────────
  {
    label: 'Verbal commitment',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:ready to (?:sign|move forward|proceed|buy|purchase)|verbal (?:yes|commitment|approval|agreement)|(?:decided|chose|selected|picked) (?:to go with )?(?:you|your (?:solution|platform|product)|us)|we(?:'re| are) going with you|let's (?:move forward|do it|proceed)|go(?:ing)? ahead with (?:the|your) (?:purchase|proposal|contract|order)|agreed to (?:sign|purchase|move forward))\b`,
      ),
    ],
  },
  {
    label: 'Decision maker engaged',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:ceo|cfo|cto|coo|cio|cro|vp|vice president|head of \w+|director|founder|owner|president|economic buyer|decision[- ]maker|exec(?:utive)? sponsor|managing director|general manager)\b[^.!?]{0,40}\b(?:joined|attended|was on|on the call|in the meeting|involved|engaged|signed off|approved|is on board|wants to|asked|sat in|met with us|is championing|loved|liked)\b`,
      ),
      rx(
        String.raw`\b(?:met|meeting|call|spoke|demo) with (?:their|the) (?:ceo|cfo|cto|coo|cio|vp|head of \w+|director|founder|decision[- ]maker|economic buyer)\b`,
      ),
    ],
  },
  {
    label: 'Champion identified',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:(?<!lost (?:our|the|their) )champion(?:ing)?(?! (?:left|is leaving|moved|departed|at risk))(?: for us| internally| the deal)?|internal (?:advocate|champion|sponsor)|(?:advocating|pushing|rooting|selling) (?:for us|internally|this internally)|(?:is|are) (?:a )?(?:big )?(?:fans?|supporters?) of (?:us|the product|our)|will (?:champion|sponsor|sell this internally))\b`,
      ),
    ],
  },
  {
    label: 'Budget approved',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:budget (?:is |was |has been |got )?(?:approved|allocated|secured|confirmed|signed off|in place|available)|(?:have|has|got|secured) (?:the )?budget(?: for)?|funds? (?:approved|allocated|secured)|approved the (?:budget|spend))\b`,
      ),
    ],
  },
  {
    label: 'Pricing accepted',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:(?:pricing|price|quote|proposal|terms) (?:is |was |were |are |has been )?(?:accepted|approved|fine|acceptable|works? for (?:us|them)|agreed|in line|within (?:our|their) budget)|(?:accepted|approved|agreed (?:to|on)) (?:the |our )?(?:pricing|price|quote|proposal|terms|discount)|happy with (?:the )?(?:pricing|price|quote|proposal|terms))\b`,
      ),
    ],
  },
  {
    label: 'Timeline agreed',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:agreed (?:on )?(?:a |the )?(?:timeline|go-live|start date|launch date|close date|signing date|schedule)|(?:timeline|go-live date|start date|launch date) (?:is |was |has been )?(?:agreed|confirmed|set|locked)|mutual (?:action|close) plan|target(?:ing)? (?:go-live|signature|signing|launch|start) (?:date|by|for|on)|plan to sign (?:by|before|on|this|next)|sign(?:ing)? (?:by|before) (?:end of|the end|next|this|friday|monday|tuesday|wednesday|thursday))\b`,
      ),
    ],
  },
  {
    label: 'Legal approved',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:legal (?:has |have )?(?:approved|signed off|cleared|is happy|gave (?:the )?(?:green light|ok|go-ahead))|(?:contract|msa|redlines?) (?:is |are |was |were )?(?:approved|finali[sz]ed|agreed|resolved|signed)|signed (?:the )?(?:contract|msa|agreement|order form|nda))\b`,
      ),
    ],
  },
  {
    label: 'Security review passed',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:security (?:review|assessment|questionnaire|team) (?:is |was |has )?(?:passed|approved|complete[d]?|cleared|signed off|happy)|passed (?:the |their |our )?security (?:review|assessment)|infosec (?:approved|cleared|signed off))\b`,
      ),
    ],
  },
  {
    label: 'Strong engagement',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:loved (?:the|your) (?:demo|product|proposal|presentation)|(?:very|really|super|extremely) (?:interested|excited|impressed)|great (?:demo|call|meeting)|(?:team|they) (?:was|were) (?:impressed|excited)|requested a (?:proposal|quote|trial|pilot)|asked for (?:a |the )?(?:proposal|quote|contract|trial|pilot)|pilot (?:went|was) (?:well|great|successful)|successful (?:pilot|trial|poc)|(?:trial|poc|pilot) (?:results|feedback) (?:were|was) (?:great|positive|strong))\b`,
      ),
    ],
  },
  {
    label: 'Next step scheduled',
    kind: 'positive',
    negatable: true,
    patterns: [
      rx(
        String.raw`\b(?:(?:scheduled|booked|set up|confirmed|locked in) (?:a |the |our )?(?:follow-up|next|second|technical|onboarding|kickoff)?\s?(?:call|meeting|demo|session|workshop)|(?:follow-up|next) (?:call|meeting) (?:is )?(?:set|booked|scheduled|confirmed))\b`,
      ),
    ],
  },
];
