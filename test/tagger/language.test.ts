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

  it('falls back to French when nothing tells', () => {
    expect(detectLanguage('ERP CRM EDI')).toBe('fr');
    expect(detectLanguage('')).toBe('fr');
  });
});
