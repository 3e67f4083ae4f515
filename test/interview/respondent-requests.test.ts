import { describe, expect, it } from 'vitest';
import { loadGuides } from '../../src/core/guide/index.js';
import { parseLanguageChoice } from '../../src/core/interview/choices.js';
import { asksAboutPrivacy } from '../../src/core/interview/clarification.js';
import {
  nearInterviewCommand,
  parseBotCommand,
  parseInterviewCommand,
} from '../../src/core/interview/commands.js';
import { readsAsErasureRequest } from '../../src/core/interview/erasure.js';
import { shippedWords } from '../../src/core/interview/gibberish.js';

const guides = loadGuides();
const both = [guides.fr, guides.en];

describe('an erasure request said in a sentence', () => {
  it.each([
    'je veux effacer mes données',
    'Pouvez-vous supprimer mes données ?',
    "Bonjour. J'aimerais effacer tout ce qui me concerne, merci.",
    'I want to delete my data',
    'please delete my data',
    'can you erase everything about me?',
    'How do I delete all my answers?',
  ])('"%s" is the erase command', (text) => {
    expect(readsAsErasureRequest(both, text)).toBe(true);
    expect(parseBotCommand(both, text)).toEqual({ kind: 'delete' });
  });

  it.each([
    'on a supprimé les données papier',
    'Le logiciel supprime mes données au bout de deux ans',
    'the ERP deletes old data automatically',
    'I had to delete my data from the old system when we switched',
    'remove tool Facebook',
  ])('"%s" is an answer', (text) => {
    expect(readsAsErasureRequest(both, text)).toBe(false);
    expect(parseBotCommand(both, text)).toBeNull();
  });
});

describe('a question on what becomes of the answers', () => {
  it.each([
    'Qui va lire mes réponses ?',
    'Euh, que deviennent mes données ?',
    'what happens to my data?',
    'where are my answers stored?',
    'Sorry, who will read my answers?',
  ])('"%s" is one', (text) => {
    expect(asksAboutPrivacy(both, text)).toBe(true);
  });

  it.each([
    'Nos données clients sont stockées chez un hébergeur.',
    'Qui va lire mes réponses ? Le comptable, surtout.',
    'Where are my answers stored? In the cloud, I guess. Anyway, we sell online.',
    'We store our data in the cloud.',
  ])('"%s" is an answer', (text) => {
    expect(asksAboutPrivacy(both, text)).toBe(false);
  });
});

describe('commands typed a letter off', () => {
  it.each([
    ['hlep', 'help'],
    ['aied', 'help'],
    ['skpi', 'skip'],
    ['passr', 'skip'],
    ['bakc', 'back'],
    ['retuor', 'back'],
    ['puase', 'pause'],
  ])('"%s" may mean %s', (text, command) => {
    expect(nearInterviewCommand(both, text, shippedWords())?.command).toBe(command);
  });

  it.each(['Yelp', 'bank', 'ship', 'Moi', 'help me understand', 'Bof'])('"%s" is no command', (text) => {
    expect(nearInterviewCommand(both, text, shippedWords())).toBeNull();
  });

  it('reads "Correct" ("that\'s right") as no command', () => {
    expect(parseInterviewCommand(both, 'Correct')).toBeNull();
    expect(parseInterviewCommand(both, 'retour')).toBe('back');
  });
});

describe('a misspelt language at the language choice', () => {
  it.each([
    ['englsih', 'en'],
    ['Engilsh please', 'en'],
    ['francias', 'fr'],
    ['en fracnais svp', 'fr'],
  ])('"%s" chooses %s', (text, language) => {
    expect(parseLanguageChoice(both, text)).toBe(language);
  });

  it('still asks again when nothing is near a choice', () => {
    expect(parseLanguageChoice(both, 'deutsch')).toBeNull();
  });
});
