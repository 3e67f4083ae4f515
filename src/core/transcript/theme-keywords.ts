import type { ThemeId } from '../domain.js';

/**
 * Word stems (lower case, without accents) that mark an interviewer's question as belonging to a theme,
 * French and English together. A question matching none keeps the theme of the question before it.
 */
export const THEME_KEYWORDS: Readonly<Record<ThemeId, readonly string[]>> = {
  presentation: ['present', 'entreprise', 'activite', 'effectif', 'salarie', 'role', 'parcours', 'company', 'organisation', 'organization', 'business', 'yourself', 'headcount', 'sector', 'secteur'],
  meaning: ['signifi', 'transition numerique', 'opportunit', 'menace', 'risque', 'ressource', 'besoin', 'mean', 'digital transition', 'threat', 'risk', 'resource', 'need'],
  tools: ['outil', 'logiciel', 'dispositif', 'interface', 'mis en place', 'equipe', 'tool', 'software', 'scheme', 'platform', 'plateforme', 'adopt', 'initiat'],
  value: ['valeur', 'apport', 'benefic', 'gagn', 'retir', 'value', 'benefit', 'gain', 'get out of'],
};
