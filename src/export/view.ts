import {
  type ActorId,
  type Language,
  LEVER_IDS,
  SERVICE_VALUES,
  ThemeId,
  USER_VALUES,
  VALUE_IDS,
  type ValueId,
} from '../core/domain.js';
import { type SummaryPrompts, summaryPrompts, toolLabel } from '../core/summary/labels.js';
import type { LeverBalance, Summary } from '../core/summary/schema.js';

/** Label lookups shared by the renderers, so every format names things the same way. */
export interface Labels {
  p: SummaryPrompts;
  value(id: ValueId): string;
  values(ids: readonly ValueId[]): string;
  actors(ids: readonly ActorId[]): string;
  lever(id: Summary['tools'][number]['lever']): string;
  tool(id: string): string;
  balance(balance: LeverBalance): string;
  theme(section: string): string;
}

export function labels(lang: Language): Labels {
  const p = summaryPrompts(lang);
  const join = (items: readonly string[]) => (items.length === 0 ? '—' : items.join(', '));
  return {
    p,
    value: (id) => p.values[id],
    values: (ids) => join(ids.map((id) => p.values[id])),
    actors: (ids) => join(ids.map((id) => p.actors[id])),
    lever: (id) => (id === null ? '—' : p.levers[id]),
    tool: (id) => toolLabel(p, id),
    balance: (balance) =>
      balance === 'balanced'
        ? p.headings.balanced
        : `${p.headings.missing} : ${balance.map((id) => p.levers[id]).join(', ')}`,
    theme: (section) => {
      const theme = ThemeId.safeParse(section);
      if (theme.success) return p.themes[theme.data];
      return section === 'opening' || section === 'closing' ? p.sections[section] : section;
    },
  };
}

/** Value forms shown in a matrix: those evidenced at least once (an all-zero row says nothing). */
export function matrixValues(values: Summary['values']): ValueId[] {
  return VALUE_IDS.filter((id) => values[id].count > 0);
}

export const VALUE_GROUPS = [
  { key: 'serviceValues', ids: SERVICE_VALUES },
  { key: 'userValues', ids: USER_VALUES },
] as const;

export { LEVER_IDS };
