import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const toolIds = (text: string) => tagger.tag(text).tools.map((t) => t.id);

describe('tools the speaker closed, turned down or competes against are not in use', () => {
  it('reads a closed account as closed, whatever the brand between', () => {
    expect(toolIds('Plus de réseaux pour nous : on a fermé notre page Facebook en 2023.')).not.toContain(
      'social_media',
    );
    expect(toolIds('Last spring we closed our TikTok account.')).not.toContain('social_media');
    // "close" in another sense leaves the tool in use.
    expect(
      toolIds('The landlord sends work orders through their portal and we close them in our portal.'),
    ).toContain('collaboration_platform');
  });

  it('reads a tool named first, then said stopped at the end of its clause, as stopped', () => {
    expect(toolIds('Instagram, on a arrêté.')).toEqual([]);
    expect(toolIds('Insta on a arrêté, trop de temps perdu.')).toEqual([]);
    expect(toolIds('Facebook, we stopped.')).toEqual([]);
    // Followed by what was stopped, it is something else.
    expect(toolIds('Instagram, on a arrêté les flyers pour ça.')).toEqual(['social_media']);
    expect(toolIds('We have Facebook, we stopped the flyers.')).toEqual(['social_media']);
  });

  it('reads a refusal or an offer not taken up after the tool', () => {
    expect(toolIds("L'expert-comptable nous poussait vers un ERP, mais on a refusé.")).not.toContain('erp');
    expect(toolIds("La chambre de commerce nous a présenté un CRM, on n'a pas donné suite.")).not.toContain(
      'crm',
    );
    expect(toolIds('Our bank offered a booking app but we refused, the fees were silly.')).not.toContain(
      'ecommerce_website',
    );
  });

  it('reads a repeated question answered "on n\'a pas ça" as a no', () => {
    expect(toolIds("Un intranet ? On n'a pas ça, on se parle à la pause.")).not.toContain(
      'collaboration_platform',
    );
    expect(toolIds("A client portal? We don't have that, it's all email.")).not.toContain(
      'collaboration_platform',
    );
  });

  it('does not take the platform a shop is up against for its own', () => {
    expect(toolIds("We're up against Amazon on price, so we sell on our own website.")).toEqual([
      'ecommerce_website',
    ]);
  });

  it('does not read "account" as the accountant, nor a compound as a typo', () => {
    expect(tagger.tag('We opened a business account with the bank.').actors.map((a) => a.id)).not.toContain(
      'accountants',
    );
    // "same-day" is not a typo of "someday", which would make the video imagined.
    expect(toolIds('We made short videos on YouTube for our same-day service.')).toContain('video');
  });
});
