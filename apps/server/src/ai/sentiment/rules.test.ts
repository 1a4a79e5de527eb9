import { AiSentimentResultSchema } from '@flow/contracts';
import { describe, expect, it } from 'vitest';
import { analyzeSentiment } from './index';

const label = (text: string) => analyzeSentiment(text).sentiment;
const score = (text: string) => analyzeSentiment(text).score;

function expectLabels(cases: [string, 'positive' | 'negative' | 'neutral'][]) {
  for (const [text, expected] of cases) {
    expect({ text, sentiment: label(text) }).toEqual({ text, sentiment: expected });
  }
}

describe('negation', () => {
  it('flips positive words and turns negated complaints into mild praise', () => {
    expectLabels([
      ['This is not good.', 'negative'],
      ['I was never disappointed.', 'positive'],
      ["It isn't bad at all.", 'positive'],
      ['No problems so far.', 'positive'],
      ['It arrived without issues.', 'positive'],
      ['I would not recommend it.', 'negative'],
      ["I don't think the manual was helpful.", 'negative'],
      ['Graphics are far from the best.', 'negative'],
    ]);
    expect(score('not bad')).toBeLessThan(score('good'));
  });

  it('reads unmet expectations and absence as complaints', () => {
    expectLabels([
      ['The package never arrived.', 'negative'],
      ["It doesn't fit.", 'negative'],
      ['Nobody called back.', 'negative'],
      ['Still no response from support.', 'negative'],
      ["I couldn't figure out the settings.", 'negative'],
    ]);
  });

  it('keeps idioms that contain a negator', () => {
    expectLabels([
      ["Please don't hesitate to reach out.", 'neutral'],
      ["Can't wait to start!", 'positive'],
      ["Couldn't be happier with it.", 'positive'],
      ['Honestly, it could not have gone better.', 'positive'],
      ["Don't waste your money.", 'negative'],
      ['Would not buy again.', 'negative'],
    ]);
  });

  it('explains negation in the factor description', () => {
    const result = analyzeSentiment("I wasn't disappointed.");
    const factor = result.factors.find((f) => f.name === 'word:disappointed');
    expect(factor?.description).toContain('negated: yes');
    expect(factor?.impact).toBeGreaterThan(0);
  });
});

describe('contrast', () => {
  it('weighs the clause after "but" more', () => {
    expectLabels([
      ['The staff was nice but the food was awful.', 'negative'],
      ['The food was awful but the staff was lovely.', 'positive'],
      ['Slightly pricey, but the quality is excellent.', 'positive'],
    ]);
  });

  it('weighs the clause after "although" less', () => {
    expectLabels([
      ['Although the setup was tricky, the results are great.', 'positive'],
      ['The room was filthy, although the staff were polite.', 'negative'],
    ]);
  });

  it('lets a sentence opening with "However" outweigh the one before', () => {
    expect(label('The demo was good. However, the pricing is a dealbreaker.')).toBe('negative');
  });
});

describe('intensifiers and dampeners', () => {
  it('scales the next sentiment word', () => {
    expect(score('It is very good.')).toBeGreaterThan(score('It is good.'));
    expect(score('It is extremely good.')).toBeGreaterThan(score('It is very good.'));
    expect(score('It is slightly good.')).toBeLessThan(score('It is good.'));
    expect(score('It is kind of good.')).toBeLessThan(score('It is good.'));
    expect(score('It is slightly annoying.')).toBeGreaterThan(score('It is annoying.'));
  });

  it('reads "too" as excess', () => {
    expectLabels([
      ['The buttons are too small.', 'negative'],
      ['It scratches way too easily.', 'negative'],
      ['Not too bad for the price.', 'positive'],
    ]);
  });
});

describe('emphasis', () => {
  it('strengthens ALL-CAPS words and exclamation marks', () => {
    expect(score('This is GREAT')).toBeGreaterThan(score('This is great'));
    expect(score('This is great!!!')).toBeGreaterThan(score('This is great'));
    expect(score('This is terrible!!')).toBeLessThan(score('This is terrible'));
  });

  it('reads a shouted complaint as angry', () => {
    const result = analyzeSentiment('THIS IS THE FOURTH OUTAGE THIS MONTH!!!');
    expect(result.sentiment).toBe('negative');
    expect(result.emotionalTone).toBe('angry');
  });
});

describe('emoji and emoticons', () => {
  it('rates emoji and emoticons on their own and with text', () => {
    expectLabels([
      ['Thanks :)', 'positive'],
      ['The update is out :(', 'negative'],
      ['Shipped today 🙂', 'positive'],
      ['The invoice again 😡', 'negative'],
      ['Contract is back 👍', 'positive'],
      ['Meeting moved to 4 👎', 'negative'],
      ['We are live 🎉🎉', 'positive'],
    ]);
  });

  it('does not read times or links as emoticons', () => {
    expect(label('The call is at 10:30.')).toBe('neutral');
    expect(label('See https://example.com/docs:/intro for details.')).toBe('neutral');
  });
});

describe('elongation and misspellings', () => {
  it('understands stretched words and chat-speak', () => {
    expectLabels([
      ['sooo good', 'positive'],
      ['Loooove it', 'positive'],
      ['gr8 job', 'positive'],
      ['thx for the help', 'positive'],
      ['really dissapointed', 'negative'],
      ['this is terible', 'negative'],
      ['kinda meh tbh', 'negative'],
    ]);
    expect(score('sooo good')).toBeGreaterThan(score('good'));
  });
});

describe('sales and business vocabulary', () => {
  it('rates deal progress as positive', () => {
    expectLabels([
      ['The contract is signed.', 'positive'],
      ['Budget was approved this morning.', 'positive'],
      ['We got the green light from the CFO.', 'positive'],
      ['Happy to proceed with the annual plan.', 'positive'],
      ['Looking forward to the kickoff.', 'positive'],
      ['The churn rate dropped by half.', 'positive'],
    ]);
  });

  it('rates risk and friction as negative', () => {
    expectLabels([
      ['There is pushback from legal on the terms.', 'negative'],
      ['A budget freeze means we have to pause.', 'negative'],
      ['We will churn at the end of the term.', 'negative'],
      ['We want to cancel the subscription.', 'negative'],
      ['I need to escalate this ticket.', 'negative'],
      ['The renewal at risk is our biggest account.', 'negative'],
      ['Another delay on the integration.', 'negative'],
      ['Security flagged a blocker.', 'negative'],
      ['Your competitor offered a much better price.', 'negative'],
    ]);
  });
});

describe('review language without sentiment words', () => {
  it('reads factual complaints as negative', () => {
    expectLabels([
      ['The battery died after two days.', 'negative'],
      ['It stopped working after a week.', 'negative'],
      ['I returned it the next day.', 'negative'],
      ['Took three weeks to arrive.', 'negative'],
      ['We waited 45 minutes for our food.', 'negative'],
      ['Customer service never called back.', 'negative'],
      ['Waste of money.', 'negative'],
    ]);
  });

  it('reads mild praise as positive', () => {
    expectLabels([
      ['Does the job.', 'positive'],
      ['Works as advertised.', 'positive'],
      ['Arrived exactly as described.', 'positive'],
      ['The charger works fine.', 'positive'],
      ['Setup took five minutes.', 'positive'],
      ['Would buy again.', 'positive'],
      ['We will definitely be back!', 'positive'],
    ]);
  });

  it('reads a positive opener before a complaint as sarcasm', () => {
    expect(label('Great, another outage before the board meeting.')).toBe('negative');
    expect(label('Great, thanks for the quick reply!')).toBe('positive');
  });
});

describe('neutral stays neutral', () => {
  it('leaves routine business lines neutral', () => {
    expectLabels([
      ['The meeting is on Tuesday at 3pm.', 'neutral'],
      ['Please find the invoice attached.', 'neutral'],
      ['Can you send over the latest version of the contract?', 'neutral'],
      ['Let me know if you have any questions.', 'neutral'],
      ['I hope this email finds you well.', 'neutral'],
      ['Our customer success team will reach out.', 'neutral'],
      ['Best regards, Anna', 'neutral'],
      ['It took about a week to arrive.', 'neutral'],
      ['I washed it on the cold cycle.', 'neutral'],
      ['', 'neutral'],
    ]);
  });

  it('is confident about a neutral line with no evidence at all', () => {
    const result = analyzeSentiment('The kickoff is scheduled for the 14th.');
    expect(result).toMatchObject({ sentiment: 'neutral', score: 0, emotionalTone: 'neutral' });
    expect(result.factors).toEqual([]);
    expect(result.confidence).toBeGreaterThanOrEqual(60);
  });
});

describe('result shape and determinism', () => {
  const texts = [
    'We love the product, but support has been slow lately!!',
    'Thanks so much for the quick fix 🙏',
    'I am worried the renewal is at risk.',
    'Why does the export keep failing? This is confusing.',
    '',
  ];

  it('matches the API contract', () => {
    for (const text of texts) {
      const parsed = AiSentimentResultSchema.safeParse({
        ...analyzeSentiment(text),
        source: 'local',
      });
      expect(parsed.success, text).toBe(true);
    }
  });

  it('returns the same result for the same input', () => {
    for (const text of texts) expect(analyzeSentiment(text)).toEqual(analyzeSentiment(text));
  });

  it('has factors whose impacts add up to about the score', () => {
    const result = analyzeSentiment('Great demo, but the price increase is a real concern.');
    const sum = result.factors.reduce((a, f) => a + f.impact, 0);
    expect(Math.abs(sum - result.score)).toBeLessThanOrEqual(result.factors.length);
  });

  it('picks a tone from the cues', () => {
    expect(analyzeSentiment('Thank you so much for your help!').emotionalTone).toBe('grateful');
    expect(analyzeSentiment('We are so excited to launch, this is amazing!').emotionalTone).toBe(
      'excited',
    );
    expect(analyzeSentiment('We are worried about the security gaps.').emotionalTone).toBe(
      'concerned',
    );
    expect(analyzeSentiment('Still waiting, the third time I ask.').emotionalTone).toBe(
      'frustrated',
    );
    expect(analyzeSentiment('This is unacceptable!').emotionalTone).toBe('angry');
    expect(analyzeSentiment('I am confused about the invoice.').emotionalTone).toBe('confused');
  });

  it('uses the context for a bare reply', () => {
    expect(analyzeSentiment('Yes', 'Are you happy with the pilot results?').sentiment).toBe(
      'positive',
    );
    expect(analyzeSentiment('No', 'Are you happy with the pilot results?').sentiment).toBe(
      'negative',
    );
    expect(analyzeSentiment('Yes').sentiment).toBe('neutral');
    expect(analyzeSentiment('Sounds great', 'The price went up.').sentiment).toBe('positive');
  });

  it('is more confident when the evidence agrees', () => {
    const agreeing = analyzeSentiment('Fantastic support, fast and friendly.').confidence;
    const mixed = analyzeSentiment('Fantastic support, but slow and buggy.').confidence;
    expect(agreeing).toBeGreaterThan(mixed);
  });
});
