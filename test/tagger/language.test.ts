import { describe, expect, it } from 'vitest';
import { detectLanguage } from '../../src/core/language.js';

describe('detectLanguage', () => {
  it('reads French, including without accents', () => {
    expect(detectLanguage("Bah on a mis en place l'ERP pour les gars de l'atelier.")).toBe('fr');
    expect(detectLanguage('ca nous permet de gagner du temps sur la securite')).toBe('fr');
  });

  it('reads English', () => {
    expect(detectLanguage("We don't use an ERP, our accountant pushed us to go paperless.")).toBe('en');
  });

  it('reads short answers by their answer words and adverbs', () => {
    expect(detectLanguage('No CRM yet.')).toBe('en');
    expect(detectLanguage('Nothing much, just Excel.')).toBe('en');
    expect(detectLanguage('Rien de plus.')).toBe('fr');
    expect(detectLanguage('Non, jamais eu de CRM.')).toBe('fr');
    expect(detectLanguage('Oui, depuis 2019.')).toBe('fr');
  });

  it('falls back to French when nothing tells', () => {
    expect(detectLanguage('ERP CRM EDI')).toBe('fr');
    expect(detectLanguage('')).toBe('fr');
  });
});
