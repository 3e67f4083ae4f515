import type { LeverId } from '../domain.js';

/**
 * The lever a tool activates when the answer names no lever itself, following how DOMAIN.md groups
 * the tools (communication and networks → cluster, transactions and offer → product_market,
 * data exchange and management → value_chain). Tools absent here get no default lever.
 */
export const DEFAULT_TOOL_LEVERS: Readonly<Record<string, LeverId>> = {
  network_meetings: 'cluster',
  social_media: 'cluster',
  videoconference: 'cluster',
  digital_training: 'cluster',
  showcase_website: 'product_market',
  video: 'product_market',
  ecommerce_website: 'product_market',
  marketplace: 'product_market',
  secure_payment: 'product_market',
  mobile_app: 'product_market',
  edi: 'value_chain',
  email: 'value_chain',
  recruitment: 'value_chain',
  erp: 'value_chain',
  crm: 'value_chain',
  quality_software: 'value_chain',
  production_software: 'value_chain',
  collaboration_platform: 'value_chain',
  dematerialization: 'value_chain',
  cloud_virtualization: 'value_chain',
  remote_maintenance: 'value_chain',
  machine_programming: 'value_chain',
};
