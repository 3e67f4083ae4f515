import type { LeverId } from '../domain.js';

/**
 * The lever a tool activates when the answer names no lever itself: the one our labelled corpus most often gives
 * an answer naming that tool alone (`corpus/train.jsonl`). Social networks serve the offer and its markets far
 * more than networks of firms; a mobile app, a video call or a payment link mostly the running of the firm and
 * its links with clients and suppliers. Tools absent here get no default lever.
 */
export const DEFAULT_TOOL_LEVERS: Readonly<Record<string, LeverId>> = {
  network_meetings: 'cluster',
  digital_training: 'cluster',
  social_media: 'product_market',
  showcase_website: 'product_market',
  video: 'product_market',
  ecommerce_website: 'product_market',
  marketplace: 'product_market',
  crm: 'product_market',
  secure_payment: 'value_chain',
  mobile_app: 'value_chain',
  videoconference: 'value_chain',
  edi: 'value_chain',
  email: 'value_chain',
  recruitment: 'value_chain',
  erp: 'value_chain',
  quality_software: 'value_chain',
  production_software: 'value_chain',
  collaboration_platform: 'value_chain',
  dematerialization: 'value_chain',
  cloud_virtualization: 'value_chain',
  remote_maintenance: 'value_chain',
  machine_programming: 'value_chain',
};
