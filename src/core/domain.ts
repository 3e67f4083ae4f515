import { z } from 'zod';

/** Canonical ids of DOMAIN.md: used in code, the store, the summary and every export. */

export const LANGUAGES = ['fr', 'en'] as const;
export const Language = z.enum(LANGUAGES);
export type Language = z.infer<typeof Language>;

export const PROFILES = ['manager', 'expert'] as const;
export const Profile = z.enum(PROFILES);
export type Profile = z.infer<typeof Profile>;

export const SERVICE_VALUES = ['functional', 'personalization', 'localization'] as const;
export const USER_VALUES = [
  'social',
  'hedonic',
  'epistemic',
  'actualization',
  'socialization',
  'traditional',
  'security',
  'benevolence',
] as const;
export const VALUE_IDS = [...SERVICE_VALUES, ...USER_VALUES] as const;
export const ValueId = z.enum(VALUE_IDS);
export type ValueId = z.infer<typeof ValueId>;

export const LEVER_IDS = ['cluster', 'product_market', 'value_chain'] as const;
export const LeverId = z.enum(LEVER_IDS);
export type LeverId = z.infer<typeof LeverId>;

export const ACTOR_IDS = [
  'organisation',
  'employees',
  'clients',
  'suppliers',
  'partners',
  'networks',
  'cci',
  'it_provider',
  'ecosystem',
  'territory',
  'banks',
  'accountants',
] as const;
export const ActorId = z.enum(ACTOR_IDS);
export type ActorId = z.infer<typeof ActorId>;

export const ACTOR_ROLES = ['initiator', 'beneficiary', 'mentioned'] as const;
export const ActorRole = z.enum(ACTOR_ROLES);
export type ActorRole = z.infer<typeof ActorRole>;

export const FACET_IDS = ['opportunity', 'threat', 'resource'] as const;
export const FacetId = z.enum(FACET_IDS);
export type FacetId = z.infer<typeof FacetId>;

/**
 * Tool ids are open-ended (the catalogue is extendable from data), so they are validated as
 * snake_case strings; the starting catalogue's ids are listed for reference and tests.
 */
export const CATALOGUE_TOOL_IDS = [
  'social_media',
  'videoconference',
  'showcase_website',
  'email',
  'video',
  'network_meetings',
  'ecommerce_website',
  'marketplace',
  'secure_payment',
  'edi',
  'digital_training',
  'recruitment',
  'erp',
  'crm',
  'quality_software',
  'production_software',
  'collaboration_platform',
  'dematerialization',
  'cloud_virtualization',
  'remote_maintenance',
  'mobile_app',
  'machine_programming',
] as const;
export const ToolId = z.string().regex(/^[a-z][a-z0-9_]*$/, 'tool ids are snake_case');
export type ToolId = z.infer<typeof ToolId>;

/** Interview themes as they appear in the summary JSON (`themes[].id`). */
export const THEME_IDS = ['presentation', 'meaning', 'tools', 'value'] as const;
export const ThemeId = z.enum(THEME_IDS);
export type ThemeId = z.infer<typeof ThemeId>;
