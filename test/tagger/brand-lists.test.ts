import { describe, expect, it } from 'vitest';
import { createTagger } from '../../src/core/tagger/index.js';

const tagger = createTagger();
const toolIds = (text: string) => tagger.tag(text).tools.map((t) => t.id);

describe('brands named plainly in a long answer are tools in use', () => {
  it('keeps every brand of a list of tools in use', () => {
    const tools = toolIds(
      'On utilise Shopify, un ERP Sage, Facebook et un CRM, nos clients et fournisseurs en profitent, on gagne du temps, la sécurité des paiements, les réseaux du club.',
    );
    expect(tools).toEqual(expect.arrayContaining(['ecommerce_website', 'erp', 'social_media', 'crm']));
  });

  it('keeps them in English too', () => {
    const tools = toolIds(
      'We use Shopify, Xero for the books, Instagram and a CRM, our customers and suppliers are happy with it, we save time, payments are secure and we meet people at the business club.',
    );
    expect(tools).toEqual(expect.arrayContaining(['ecommerce_website', 'social_media', 'crm']));
  });

  it('still leaves out a brand in another scope of a long answer', () => {
    const tools = toolIds(
      'On a un ERP et un CRM, ça nous fait gagner du temps sur les devis et les relances, mais on n’a jamais eu de Shopify ni de page Facebook, ça ne nous intéresse pas.',
    );
    expect(tools).not.toContain('ecommerce_website');
    expect(tools).not.toContain('social_media');
  });
});

describe('ride-hailing, mobile money and booking brands', () => {
  it.each([
    ['VTC, on est sur Uber et Bolt avec trois chauffeurs.', 'marketplace'],
    ['We have a fleet of fifteen on Bolt and Uber.', 'marketplace'],
    ['Les clients de Dakar payent avec Wave ou Orange Money.', 'secure_payment'],
    ['Customers pay by M-Pesa before delivery.', 'secure_payment'],
    ['Bookings come through SimplyBook now.', 'ecommerce_website'],
    ['Everything runs on PestPac, the routes and the invoices.', 'erp'],
    ['Clients pay through MoMo or MTN Mobile Money.', 'secure_payment'],
  ])('"%s" names %s', (text, tool) => {
    expect(toolIds(text)).toContain(tool);
  });

  it('reads no video call in a "Meet the Buyer" event', () => {
    expect(toolIds('We run Meet the Buyer sessions with the supermarkets twice a year.')).toEqual([]);
  });

  it('leaves the common words alone: a bolt, a wave, to grab', () => {
    expect(toolIds('We tighten every bolt by hand, then grab a coffee and wave the van off.')).toEqual([]);
  });
});
