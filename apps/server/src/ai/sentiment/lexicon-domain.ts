import { mergeRatings, ratings } from './ratings';

/**
 * Our own word ratings (VADER scale, −4…4). They override the published lexicons, which were built
 * for tweets and film reviews: sales and support mail, and product or restaurant reviews, use
 * words those lists miss ("churn", "flimsy") or rate as polar where they are routine ("please",
 * "support", "credit").
 */

/** Words that are polar in general lists but routine in business mail: rated (near) neutral. */
const ROUTINE = ratings(`
  please:0 help:0 support:0 care:0 share:0 sharing:0 shared:0 free:0.3 sure:0 kind:0 ready:0
  hope:0.6 hopefully:0.4 want:0 wanted:0 true:0.3 yes:0 yeah:0 ok:0 okay:0 matter:0 interest:0.2
  credit:0 credits:0 holiday:0 gift:0 dear:0 chance:0 party:0 play:0 legal:0 security:0 reach:0
  honestly:0 frankly:0 definitely:0 certainly:0.3 absolutely:0.5 promised:0.2 promise:0.3 pay:0
  important:0.3 urgent:-0.4 opportunity:0.3 opportunities:0.3 challenge:-0.3 increase:0
  increased:0 grant:0 granted:0 justice:0 cover:0 save:0.8 welcome:1.2 joke:-1.5 fan:1.5 lol:0.8
  well:0 like:0 pretty:0 no:0 overwhelmingly:0 easily:0.8 special:1.2 wish:0.3 lost:-1.6
  miss:-0.3 drop:-0.4 stop:-0.6 cut:-0.6 block:-0.8 fine:0.8 limited:-0.6 limits:-0.3 crushes:0.3
  crush:0 crushing:0.6 dropped:-0.9 forward:0 patience:0.6 attached:0 attach:0 question:0
  questions:0 agreement:0 natural:0 champion:0.8 reference:0 references:0 god:0 lord:0 feeling:0
  yield:0 invite:0 invited:0.3 gray:0 grey:0 leadership:0 shares:0 reaching:0 number:0 po:0
  amazon:0 united:0 straight:0 friend:0.5 friends:0.5 energy:0.5 issued:0 issuing:0 engage:0.3
  engaged:0.5 engagement:0.3 intelligence:0 solution:0 solutions:0
`);

/** Sales and customer-success vocabulary. */
const SALES = ratings(`
  signed:2.0 signing:0.8 sign:0 approved:2.0 approve:1.0 approval:0.8 greenlit:2.5 renewed:2.0
  renewing:1.5 renew:0.8 renewal:0 expand:1.2 expanding:1.2 expansion:1.2 upgrade:0.5
  upgraded:1.0 upsell:0.8 aboard:1.0 proceed:0.6 resolved:1.8 fixed:1.5 solved:1.8 smoothly:2.0
  smooth:1.5 seamless:2.2 seamlessly:2.2 painless:2.0 intuitive:2.0 responsive:1.5 reliable:2.0
  reliably:1.5 robust:1.5 traction:1.2 momentum:1.0 aligned:1.2 referral:1.0 referrals:1.0
  testimonial:1.0 kudos:2.5 congrats:2.5 lifesaver:2.5 rockstar:2.5 relief:1.8 passed:1.0
  lift:1.0 uplift:1.5 onboarded:0.8 adopted:0.6 timely:1.2 proactive:1.8 transparent:1.2
  flexible:1.2 flexibility:1.2 productive:1.8 efficient:1.8 streamlined:1.5 organized:1.2
  pushback:-1.5 churn:-2.0 churned:-2.5 churning:-2.0 cancel:-1.5 canceled:-1.5 cancelled:-1.5
  canceling:-1.5 cancelling:-1.5 cancellation:-1.2 escalate:-1.8 escalated:-1.8 escalating:-1.8
  escalation:-1.8 blocker:-1.8 blockers:-1.8 blocked:-1.5 stalled:-1.8 stall:-1.2 stalling:-1.5
  delays:-1.5 delayed:-1.5 postponed:-1.3 postpone:-1.2 overdue:-1.5 outage:-2.2 outages:-2.2
  downtime:-2.0 timeout:-1.2 timeouts:-1.5 bug:-1.3 bugs:-1.5 buggy:-2.2 glitch:-1.5
  glitches:-1.5 glitchy:-2.0 crashes:-2.0 crashing:-2.0 crashed:-2.0 laggy:-1.8 lag:-1.2
  lagging:-1.5 sluggish:-1.8 slow:-1.5 slower:-1.3 slowly:-0.8 slowest:-1.5 unresponsive:-2.0
  unreliable:-2.2 unusable:-2.8 unstable:-1.8 clunky:-1.8 cumbersome:-1.5 confusing:-1.8
  overcharged:-2.5 inaccurate:-1.8 incorrect:-1.5 inconsistent:-1.5 discrepancy:-1.3
  discrepancies:-1.3 errors:-1.7 failing:-2.0 fails:-2.0 offline:-1.0 unavailable:-1.0
  denied:-1.8 declined:-1.5 losing:-1.5 competitor:-0.8 dealbreaker:-2.2 showstopper:-2.0
  concern:-1.2 concerns:-1.2 issue:-1.0 issues:-1.2 hassle:-1.5 headaches:-1.8 nightmare:-2.8
  chaos:-2.0 doubts:-1.2 skeptical:-1.2 hesitant:-1.2 reluctant:-1.2 hesitation:-1.0
  questioning:-0.8 downgrade:-1.5 downgrading:-1.5 layoffs:-2.0 freeze:-1.2 frozen:-1.0 cuts:-1.2
  shortfall:-1.5 slipped:-1.3 slipping:-1.3 backlog:-0.6 swamped:-1.0 overwhelmed:-1.5
  chasing:-1.2 penalty:-1.5 surcharge:-1.2 unpaid:-1.2 dispute:-1.5 chargeback:-2.0 lawsuit:-2.5
  vulnerabilities:-1.5 violation:-2.0 deprecated:-0.8 workaround:-0.5 incidents:-1.0
  incident:-1.0 hiccup:-1.0 hiccups:-1.0 unused:-0.8 ghosted:-2.2 unanswered:-1.8 ignoring:-1.8
  ignored:-1.8 forgot:-1.2 forgotten:-1.0 rollback:-1.2 unfortunately:-1.5 sadly:-1.5
  disconnecting:-1.5 disconnects:-1.5 disconnected:-1.2 disappointment:-2.2 underperforming:-1.8
  mismatch:-1.2 wrong:-2.0 mistake:-1.5 mistakes:-1.5
`);

/** Product, restaurant, hotel and film review vocabulary. */
const REVIEWS = ratings(`
  works:1.0 worked:0.8 working:0.4 lasts:0.8 fits:0.5 fit:0.3 holds:0.3 sturdy:2.0 durable:2.0
  affordable:1.5 fast:1.2 faster:1.2 quick:1.2 quickly:1.0 quicker:1.0 prompt:1.5 promptly:1.5
  speedy:1.5 crisp:1.5 crispy:1.2 tasty:2.2 yummy:2.5 flavorful:2.0 fresh:1.3 spotless:2.2
  compact:0.8 lightweight:1.0 comfy:2.0 cozy:1.8 attentive:2.0 knowledgeable:1.5 courteous:2.0
  polite:1.5 flawless:3.0 flawlessly:3.0 effortless:2.0 handy:1.5 versatile:1.5 accurate:1.5
  precise:1.2 vibrant:2.0 bright:1.0 quiet:0.8 roomy:1.5 spacious:1.5 underrated:1.5 favorite:2.2
  recommended:1.5 recommend:2.0 impressive:2.5 masterpiece:3.0 gem:2.5 riveting:2.5 gripping:2.2
  hilarious:2.5 heartwarming:2.5 stylish:2.0 sleek:2.0 charm:1.5 accommodating:2.0 welcoming:2.0
  exceeded:2.2 exceeds:2.2 surpassed:2.0 outperforms:1.5 perfectly:2.5 delivered:0.4 cleans:0.8
  warm:0.8 juicy:1.5 tender:1.2 savory:1.2 spotlessly:2.0 solid:1.5 snug:0.8 immaculate:2.5
  unbeatable:2.5 bargain:2.0 cheap:-1.0 cheaply:-1.5 pricey:-1.0 expensive:-1.2 costly:-1.3
  overpriced:-2.2 flimsy:-2.2 defective:-2.5 faulty:-2.2 malfunction:-2.0 malfunctioning:-2.2
  broke:-2.0 broken:-2.2 cracked:-1.5 cracks:-1.2 leak:-1.3 leaks:-1.5 leaking:-1.5 leaked:-1.3
  scratched:-1.3 scratches:-1.2 dented:-1.5 torn:-1.5 ripped:-1.5 stained:-1.3 faded:-1.3
  fades:-1.2 peeling:-1.3 rusted:-1.5 rusty:-1.3 jammed:-1.5 wobbly:-1.5 itchy:-1.5 scratchy:-1.2
  bland:-2.0 tasteless:-2.0 flavorless:-2.0 stale:-2.0 soggy:-2.0 greasy:-1.5 undercooked:-2.0
  overcooked:-2.0 burnt:-1.8 lukewarm:-1.5 inedible:-3.0 smelly:-2.0 moldy:-2.5
  unprofessional:-2.2 inattentive:-2.0 dismissive:-2.0 overrated:-2.0 underwhelming:-2.2
  underwhelmed:-2.2 mediocre:-2.0 predictable:-1.3 cliche:-1.3 cliched:-1.5 forgettable:-2.0
  unwatchable:-3.0 tedious:-1.8 meh:-1.5 blah:-1.0 junk:-2.5 refund:-1.2 refunds:-1.2 defect:-2.0
  defects:-2.0 damaged:-1.8 late:-1.0 knockoff:-2.0 counterfeit:-2.2 ripoff:-2.5 drains:-1.3
  drained:-1.3 overheats:-2.0 overheating:-2.0 noisy:-1.5 loud:-0.8 headache:-2.0 sore:-1.5
  tricky:-0.8 complicated:-1.2 unclear:-1.2 weird:-1.2 odd:-0.6 empty:-1.0 stuck:-1.3
  freezes:-1.5 shattered:-1.8 snapped:-1.5 dragged:-1.2 unhelpful:-2.0 useless:-2.5
  worthless:-2.5 filthy:-2.5 disgusting:-3.0 overpowering:-1.2 watery:-1.5 rubbery:-1.5
  chewy:-0.8 mushy:-1.5 fishy:-1.2 cramped:-1.5 outdated:-1.2 dated:-0.8 rickety:-1.5
  smelled:-0.6 hurts:-1.8
`);

/** Quality words for sound, picture, build, food, rooms and films that the base lists lack. */
const QUALITY = ratings(`
  muffled:-1.5 flickering:-1.5 flicker:-1.2 flickers:-1.3 garbled:-1.5 fuzzy:-1.0 grainy:-1.2
  pixelated:-1.3 tinny:-1.3 crackling:-1.2 buzzing:-0.8 squeaky:-1.0 creaky:-1.0 rattles:-1.0
  rattling:-1.0 wobbles:-1.2 sticky:-0.8 slimy:-1.8 gritty:-0.8 dusty:-1.0 musty:-1.5
  brittle:-1.2 fragile:-0.8 frayed:-1.3 pilling:-1.3 shrunk:-1.5 shrank:-1.5 discolored:-1.3
  corroded:-1.5 warped:-1.5 chipped:-1.3 scuffed:-1.2 leaky:-1.5 clogged:-1.3 bricked:-2.5
  intermittent:-1.0 spotty:-1.2 finicky:-1.3 fiddly:-1.0 shoddy:-2.2 condescending:-2.0
  understaffed:-1.5 crowded:-0.8 stuffy:-1.0 drafty:-1.0 dingy:-1.5 rundown:-1.5 shabby:-1.8
  sketchy:-1.5 oversalted:-1.5 overseasoned:-1.2 microwaved:-1.2 reheated:-1.0 gristly:-1.5
  expired:-1.2 aimless:-1.5 beware:-1.5 breakage:-1.5 subpar:-2.0 lackluster:-2.0 elsewhere:-1.0
  abysmal:-3.0 unraveled:-1.5 unravel:-1.0 owed:-0.8 alone:0 average:-0.6 mediocrity:-2.0
  unimpressive:-2.0 uninspired:-1.8 amateurish:-2.0 vivid:1.5 punchy:1.2 silky:1.5 plush:1.5
  airy:1.0 tidy:1.3 rugged:1.2 dependable:2.0 consistent:1.0 snappy:1.5 zippy:1.3 convenient:1.5
  straightforward:1.2 authentic:1.5 fluffy:1.2 moist:0.8 homemade:1.2 professional:1.3 witty:2.0
  touching:1.5 unforgettable:2.5 masterful:2.8 inexpensive:1.2 decent:1.2 stellar:2.8
  phenomenal:3.0 impeccable:3.0 legit:1.5 dope:1.5 sharp:0.6 deep:0 soft:0.6 cuts:-0.5
  spectacular:2.8 letdown:-2.2 breeze:1.5 comped:1.5 streaky:-1.2 noticeable:0 clearly:0
  villain:0 commit:0.3 hoping:0 rocks:2.0 pausing:-1.0 raved:2.5 rave:2.0 sags:-1.2 sagging:-1.2
  manually:-0.6 finally:0.3 unable:-1.2 hooked:2.0 electric:1.2 glacial:-1.8 regressions:-1.5
  regression:-1.2 nailed:2.0 reconsidering:-1.2 wilted:-1.5 feast:1.5 appealed:1.2 appealing:1.5
  beats:1.0 drops:-0.8 original:0.8 jokes:0 quality:0 dedicated:0.5 huge:0.8 massive:0.5 big:0.3 stiff:-0.8 shocked:-1.2
`);

/**
 * Predicative-only ratings: these count when they describe the thing ("the soup was cold",
 * "pages were blank") and not as attributes ("cold cycle", "small business", "flat fee").
 */
export const PREDICATE_ONLY = ratings(`
  cold:-1.2 dry:-0.9 flat:-1.0 loose:-0.8 tight:-0.5 thin:-0.6 small:-0.6 tiny:-0.8 salty:-1.0
  heavy:-0.6 long:-0.6 short:-0.6 blank:-1.0 wooden:-1.5 raw:-0.8 hot:0.6 off:-0.8 up:0.8 closed:0
  tough:-1.0 low:-0.8 high:0 big:0 sweet:0.8 sour:-0.8 bitter:-0.8 gone:-0.6 down:-1.6
`);

/** All overriding ratings; a 0 means "known, but neutral". */
export const DOMAIN_WORDS = mergeRatings(ROUTINE, SALES, REVIEWS, QUALITY);
