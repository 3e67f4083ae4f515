import type { Language } from './domain.js';

// Frequent function words of each language; a few dozen are enough to tell French from English.
// Short answers ("No CRM yet.", "Rien de plus.") hold few of the first ones: frequent adverbs, pronouns and
// answer words of each language, none of them a word of the other, tell those apart.
const FRENCH = new Set(
  [
    'le la les un une des du de et est on nous vous je il elle ils que qui pas ne avec pour dans sur au aux ce ça ca',
    'cette ces mais ou donc notre nos leur leurs tout tous très tres aussi plus avons sont était etait fait chez y en',
    'non oui rien encore déjà deja jamais toujours quand comme bien peu beaucoup fois ici alors puis parce depuis',
    'sans sous entre après apres moi lui eux mes ses sa se été ete avait avoir être etre faire peut faut aucun aucune',
  ]
    .join(' ')
    .split(' '),
);
const ENGLISH = new Set(
  [
    'the an and is are was were we you i it they that which not with for in on at to of this these but or so our',
    'their all very also more have has had do does did be been from by my me us can will would',
    'no yes yet just only some any nothing none too use used using got get since when what how why who there here',
    'because about after now still really much many lot lots into out up off than then them him her his its your if',
  ]
    .join(' ')
    .split(' '),
);
const FRENCH_LETTERS = /[éèêàùçôîâœ]/giu;
/** Elided articles and pronouns (l', n', qu'…) only occur in French; "a" is left out of both lists (French "il a"). */
const FRENCH_ELISIONS = /(?:^|[^\p{L}])(?:l|d|n|j|qu|c|s|m|t)['’]\p{L}/giu;

/** How much a text reads as each language: its frequent words, and French accents and elisions. */
export function languageWeights(text: string): Record<Language, number> {
  let french = (text.match(FRENCH_LETTERS)?.length ?? 0) * 0.5 + (text.match(FRENCH_ELISIONS)?.length ?? 0);
  let english = 0;
  for (const word of text.toLowerCase().split(/[^\p{L}]+/u)) {
    if (FRENCH.has(word)) french += 1;
    if (ENGLISH.has(word)) english += 1;
  }
  return { fr: french, en: english };
}

/** French unless the text reads clearly more English: French is the product's default language. */
export function detectLanguage(text: string): Language {
  const weights = languageWeights(text);
  return weights.en > weights.fr ? 'en' : 'fr';
}
