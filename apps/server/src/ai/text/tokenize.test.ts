import { describe, expect, it } from 'vitest';
import { tokenizeSentences, words } from './tokenize';

describe('tokenizeSentences', () => {
  it('splits sentences and counts closing exclamation marks', () => {
    const sentences = tokenizeSentences('Great job!!! See you Tuesday. Any questions?');
    expect(sentences.map((s) => s.exclamations)).toEqual([3, 0, 0]);
    expect(sentences.map((s) => s.question)).toEqual([false, false, true]);
  });

  it('keeps emoticons, emoji and numbers whole, and drops links', () => {
    const [sentence] = tokenizeSentences('thanks :) 👍🏽 at 3:30pm, 10/10 https://x.io/a:/b');
    expect(sentence!.tokens.map((t) => `${t.kind}:${t.norm}`)).toEqual([
      'word:thanks',
      'emoticon::)',
      'emoji:👍🏽',
      'word:at',
      'number:3:30pm',
      'punct:,',
      'number:10/10',
    ]);
  });

  it('normalizes curly apostrophes, chat-speak and misspellings', () => {
    expect(words('I don’t know, thx, dissapointed, kinda')).toEqual([
      'i',
      "don't",
      'know',
      'thanks',
      'disappointed',
      'kind',
      'of',
    ]);
  });

  it('marks capitals and elongations, collapsing to a known word', () => {
    const known = (w: string) => w === 'love' || w === 'good';
    const [sentence] = tokenizeSentences('NEVER loooove gooood', known);
    expect(sentence!.tokens.map((t) => [t.norm, t.caps, t.elongated])).toEqual([
      ['never', true, false],
      ['love', false, true],
      ['good', false, true],
    ]);
  });
});
