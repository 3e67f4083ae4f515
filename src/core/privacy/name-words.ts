/**
 * The words around and inside the names of firms and people, French and English, folded (lower case, no
 * accents). They tell a firm's distinctive name ("Kerguelen") from what it is ("menuiserie", "SARL",
 * "Joinery", "& Sons") and from the common words that stand capitalised near a name.
 */

export function fold(word: string): string {
  return word.normalize('NFKD').replace(/\p{M}/gu, '').replace(/’/g, "'").toLowerCase();
}

/** Lower case, accents kept: small words differ by an accent alone ("à", "a"). */
export function lower(word: string): string {
  return word.replace(/’/g, "'").toLowerCase();
}

function words(list: string, by: (word: string) => string = fold): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean).map(by));
}

/**
 * Legal forms: part of a firm's name, never what identifies it. Written in capitals ("SARL", "EARL"),
 * or as these are also written ("Sarl", "Ltd", "GmbH"): "Earl Grey" is tea.
 */
const LEGAL_ACRONYMS = words(`
  sarl sas sasu sa eurl sci scop scic snc sca selarl selas eirl gie gaec earl ets
  ltd llp plc inc llc lp corp gmbh ag kg bv nv srl spa sl sprl
`);
const LEGAL_AS_WORDS = words('sarl eurl scop scic gaec ets établissements ltd plc inc llc llp corp gmbh');

export function isLegalForm(word: string): boolean {
  const folded = fold(word);
  return word === word.toUpperCase() ? LEGAL_ACRONYMS.has(folded) : LEGAL_AS_WORDS.has(folded);
}

/** Family and partnership endings of a firm's name ("Martin Frères", "Hollis & Sons"). */
export const FAMILY_ENDINGS = words(`
  frères freres fils fille filles père associés associes associées cie compagnie
  sons son brothers bros daughters partners associates co
`);

/** Words that mean a firm without naming a trade; they introduce a name, never stand inside one. */
export const FIRM_NOUNS = words(`
  entreprise entreprises société boîte boite commerce pme tpe eti structure affaire exploitation
  company firm business enterprise sme outfit
`);

/**
 * Trades and the words of what a firm does, as they stand before a name ("la menuiserie Kerguelen") or
 * inside one ("Brightwater Joinery", "Le Goff Thermique"). Plurals are read through (`isTradeWord`).
 */
export const TRADE_WORDS = words(`
  menuiserie ébénisterie charpente couverture maçonnerie plomberie chauffage électricité peinture carrelage
  serrurerie métallerie chaudronnerie soudure mécanique usinage fonderie tôlerie décolletage forge
  thermique climatisation énergie énergies bâtiment construction travaux terrassement rénovation isolation
  boulangerie pâtisserie boucherie charcuterie traiteur fromagerie épicerie poissonnerie crèmerie primeur
  conserverie conserves biscuiterie chocolaterie confiserie brasserie cidrerie distillerie laiterie minoterie
  restaurant café bar crêperie pizzeria auberge hôtel hôtellerie camping gîte chambres
  ferme domaine vignoble vignobles cave caves château pépinière jardinerie horticulture fleuriste paysage
  garage carrosserie auto automobiles motoculture cycles transports transport logistique déménagement
  déménagements ambulances taxi taxis messagerie
  imprimerie librairie papeterie quincaillerie droguerie pharmacie parfumerie bijouterie horlogerie optique
  coiffure institut salon boutique magasin atelier agence cabinet bureau studio laboratoire labo clinique
  bois scierie tonnellerie textile textiles couture confection maroquinerie tapisserie ameublement meubles
  nettoyage propreté sécurité informatique électronique automatisme automatismes robotique ingénierie
  emballage emballages plasturgie plastiques matériaux négoce distribution import export industrie
  industries technologies systèmes solutions services consulting conseils comptabilité
  architecture immobilier assurances voyages communication événementiel création créations design
  maison groupe manufacture fabrique
  pompes funèbres funéraire funéraires funérarium marbrerie ambulance auto-école école écoles académie
  vétérinaire vétérinaires dentaire prothèse opticien laverie pressing blanchisserie tatouage traduction
  apiculture miellerie rucher pisciculture salmoniculture scierie chantier naval location toilettage
  crèche micro-crèche recyclage gardiennage surveillance ménage fleurs traiteurs reprographie repro copies tabac
  enseignes signalétique toiture zinguerie ramonage déneigement vitrerie miroiterie maraîchage tailleur
  joinery carpentry joiners builders building construction roofing plumbing heating electrical electrics
  engineering fabrication fabrications welding metalwork timber flooring glazing decorating
  landscaping gardens garden nursery florist florists farm farms dairy vineyard vineyards winery brewery
  brewing distillery bakery bakehouse bakers butchers butcher deli catering cafe restaurant pub inn hotel
  motors haulage transport logistics removals couriers cleaning printing printers print press studio
  studios agency consultancy consulting solutions services systems technologies tech industries group
  holdings trading supplies manufacturing workshop works design interiors furniture kitchens bathrooms
  homeware crafts gifts salon barbers hair beauty pharmacy chemist chemists opticians accountants
  solicitors architects surveyors shop store stores foods wines textiles plastics packaging
  school schools academy motoring driving funeral funerals undertakers veterinary vets vet dental
  laundry launderette tattoo translation translations apiary honey fisheries boatyard boatbuilders
  rentals rental hire grooming nursery daycare recycling scrap security guarding removals movers copy copies
  reprographics signs signage centre center centres centers roofing roofers glaziers scaffolding locksmiths
  tailoring tailors
`);

/**
 * What an expert's institution is, inside its name ("Brightwater Business Hub", "Incubateur Kerlann"):
 * like a trade, it shows the name is an organisation's and is not what identifies it.
 */
const INSTITUTION_WORDS = words('hub incubator accelerator incubateur accélérateur technopole');

/** Words that open a name's determiner slot: dropped before a name, kept when capitalised inside one. */
export const ARTICLES = words("le la les l' the", lower);

/** Words that stand before what a firm is ("la menuiserie", "our bakery", "une petite boulangerie"). */
export const DETERMINERS = words(
  `
  le la les l' un une des du notre nos ma mon mes sa son ses cette ce cet leur
  the a an our my this that their his her
`,
  lower,
);

/**
 * Joining words inside a name ("Conserverie d'Armor", "Hollis & Sons", "Hartley School of Motoring"). `et`/`and`
 * only before a family ending.
 */
export const CONNECTORS = words("de du des d' of & et and", lower);

/** Verbs between a firm word and its name ("mon entreprise s'appelle …", "our business is …"). */
export const NAMING_VERBS = words("c'est s'appelle se nomme est is was called appelée appelee nommée", lower);

/**
 * Words that end a description before a name: a place ("à Quimper", "in Leeds"), a time, a person
 * ("avec Paul"), a clause. What follows them is not the firm's name.
 */
export const STOP_WORDS = words(
  `
  de d' du des à au aux en dans sur sous près vers chez depuis pour par avec sans entre contre selon pendant
  avant après hors derrière devant autour côté proche
  et ou mais donc car ni qui que qu' dont où quand comme si
  je j' tu il elle on nous vous ils elles me te se lui leur y ça ca cela ceci
  est sont suis sommes êtes était étaient ai as avons avez ont a été fait fais faisons c'est
  in at near on from for with without by to of into onto over under around since until during before after
  outside inside beside behind across along off between among against toward towards via per within beyond
  opposite next
  and or but nor so which who whom whose that where when while as if
  i you he she it we they me him us them is are was were am be been being has have had do does did
`,
  lower,
);

/**
 * Capitalised words that are no name: pronouns and function words that start a sentence, job titles,
 * departments, institutions and the common words of their names ("Armor Conseil" is told by "Armor", "Leeds City
 * Council" by "Leeds", "the Growth Hub" is any region's), diplomas, nationalities, months and days.
 */
export const NOT_NAMES = words(`
  le la les l' un une des du de d' nous moi on je il elle ils elles vous the a an we our i my you they
  ce cette ces cet notre nos votre vos leur leurs mon ma mes son sa ses
  depuis avec pour chez dans sur sous entre vers par mais donc alors ensuite puis enfin aussi et ou ni
  car quand si comme avant après aujourd'hui ici là oui non bonjour bonsoir merci bien très tres plutôt
  plus moins tout tous toute toutes chaque certains quelques beaucoup peu au aux en y voilà bref euh
  since with for at in on from by but so then also and or when if as before after today here there
  this that these those yes no hello hi thanks well very more less all every each some now
  directeur directrice gérant gérante gerant gerante co-gérant président présidente dirigeant dirigeante
  responsable chef manager director owner ceo founder cofounder co-founder fondateur fondatrice associé
  associée partner conseiller conseillère adviser advisor salarié salariée employee patron patronne
  pme sme tpe eti pmes smes tpes etis cci cma bpi bpifrance cap bts bac dut but master licence mba
  conseil council city growth
  qualité production ventes achats marketing commercial commerciale finance finances comptabilité
  ressources humaines rh direction administration recherche développement r&d communication
  sales purchasing hr operations accounting quality research development it
  français française bretonne breton normand normande européen européenne british english french irish
  scottish welsh european américain américains américaine anglais allemand allemands chinois
  france europe international internationale iso b2b b2c i'm i've i'd i'll
  c'est c'etait j'ai j'etais m'appelle s'appelle qu'on qu'il we're we've they're you're it's that's
  générale général national nationale régional régionale départemental départementale municipal
  janvier février mars avril mai juin juillet août septembre octobre novembre décembre
  lundi mardi mercredi jeudi vendredi samedi dimanche
  january february march april june july august september october november december
  monday tuesday wednesday thursday friday saturday sunday
`);

/**
 * The part before an apostrophe that always makes a word a pronoun or a function word ("J'ai", "Qu'on",
 * "We're", "I'm"): no name starts so.
 */
const ALWAYS_ELIDED = words(
  'j qu jusqu lorsqu puisqu quoiqu presqu we they you i it he she there that what who let',
);
/**
 * Elided pronouns and negations that some names also start with ("N'Diaye", "M'Bengue"): the part after
 * the apostrophe tells which the word is.
 */
const ELIDED = words('c m t s n');
/**
 * What follows an elided pronoun or negation ("C'EST", "M'APPELLE", "N'A", "S'IL"): function words and the
 * verb forms said after them. In capitals only this list tells "N'EST" from "N'DIAYE".
 */
const AFTER_ELISION = words(`
  est est-ce est-a-dire etait etaient sera serait ai as a avons avez ont avait avais avaient aura aurait aurais
  en y on il ils elle elles un une importe
  appelle appelles appelons appellent appelait appelais occupe occupes occupons occupent occupait occupais
  agit aide aident aidait interesse interessent interessait inquiete arrive arrivait excuse explique
  adapte adaptons habitue installe engage oblige etais etions existe existait utilise utilisons utilisait
`);
/** English contraction endings ("We're", "I've", "Don't"): the word is a pronoun or an auxiliary. */
const CONTRACTION_ENDINGS = words('re ve ll m d s t');

export function isContraction(word: string): boolean {
  const [before, after, ...more] = word.replace(/’/g, "'").split("'");
  if (before === undefined || after === undefined || more.length > 0) return false;
  const ending = fold(after);
  if (ALWAYS_ELIDED.has(fold(before)) || CONTRACTION_ENDINGS.has(ending)) return true;
  // A name keeps its capital after the apostrophe ("N'Diaye"); a verb after a pronoun does not ("N'utilise").
  return ELIDED.has(fold(before)) && (AFTER_ELISION.has(ending) || /^\p{Ll}/u.test(after));
}

/**
 * Particles inside a person's or a firm's name ("Le Goff", "DE LA TOUR", "van der Berg", "da Silva"): they
 * join the name when a name word follows.
 */
export const PARTICLES = words(
  "le la les l' de du des d' van von der den ter di da del della dos das",
  lower,
);

/** Greetings an answer opens with ("Bonjour, Jean Dupont, gérant…", "Hi, John Hartley here"): no word of a name. */
export const GREETINGS = words('bonjour bonsoir salut coucou hello hi hey morning afternoon evening');

/**
 * Titles said before a name ("Mme Garnier", "Mr Hartley") or alone ("Bonjour Madame"): not the name, and
 * said of anyone.
 */
export const TITLES = words(
  'madame monsieur mademoiselle mme mlle mr mrs ms miss madam sir dr docteur auntie aunty uncle tonton tata',
);

/**
 * Fillers and adverbs of speech said around a name ("my name is david basically", "je m'appelle julien
 * bon…"): never a word of a name.
 */
export const FILLERS = words(`
  basically actually okay ok so well like really just right um uh er erm hmm yeah yep anyway obviously
  honestly currently not
  bon alors donc euh ben bah bref quoi genre hein ouais voilà enfin pas actuellement vraiment franchement
  simplement justement également aussi
`);

/**
 * Trades said of a person ("je suis boulanger", "I'm a plumber"). Many are also surnames ("Boulanger",
 * "Baker"): in lower case, after a name, they are read as the trade.
 */
export const JOB_WORDS = words(`
  boulanger boulangère pâtissier pâtissière boucher bouchère charcutier charcutière fromager fromagère
  épicier épicière poissonnier poissonnière menuisier menuisière ébéniste charpentier couvreur maçon
  plombier chauffagiste électricien électricienne peintre carreleur serrurier mécanicien mécanicienne
  garagiste carrossier coiffeur coiffeuse esthéticienne paysagiste jardinier jardinière agriculteur
  agricultrice éleveur éleveuse viticulteur viticultrice vigneron vigneronne maraîcher maraîchère artisan
  artisane commerçant commerçante restaurateur restauratrice cuisinier cuisinière hôtelier hôtelière
  imprimeur libraire pharmacien pharmacienne opticien opticienne comptable architecte avocat avocate notaire
  consultant consultante ingénieur ingénieure développeur développeuse graphiste photographe formateur
  formatrice transporteur chauffeur
  baker butcher plumber electrician carpenter joiner builder roofer painter decorator mechanic hairdresser
  barber gardener landscaper farmer grower winemaker brewer chef cook caterer pharmacist optician
  accountant architect lawyer engineer developer designer photographer trainer driver shopkeeper retailer
`);

/**
 * Frequent surnames that the spelling dictionaries also hold as words ("martin", "leroy", "wright"), or
 * that end as common words do ("fielding"): in lower case right after a trade ("la boulangerie martin"),
 * no common word of that sense would stand there, so they are read as the name. Surnames that are also
 * adjectives, trades or places ("petit", "boulanger", "paris", "young") are left out.
 */
export const SURNAMES = words(`
  martin martinez leroy morel bonnet germain mallet collet renard etienne
  wright cooper turner carter parker miller fielding jennings cummings
`);

/**
 * What "le", "la", "l'" say right after a trade when they tell when ("je tiens la boulangerie le midi"):
 * never a name, though the tagger's vocabulary may lack them.
 */
export const TIME_WORDS = words(`
  matin matinée midi après-midi soir soirée nuit journée jour semaine week-end weekend mois année an
  hiver été printemps automne lendemain veille
`);

/**
 * Words that describe a firm around its trade ("UNE PETITE ENTREPRISE", "la boulangerie bio"): in an answer
 * typed in capitals, or in lower case after the trade, they would otherwise read as its name. Surnames
 * among them ("Petit", "Grand") are left out.
 */
export const DESCRIPTIVE_WORDS = words(`
  petite grande jeune familiale familial artisanale artisanal locale indépendante indépendant
  nouvelle vieille ancienne bio principale principal
  small little family local independent young new old organic
`);

/**
 * What a public body is, or a body of public or chamber support to firms, as said beside the place it is named
 * by ("Leeds City Council", "Brest Métropole", "Mairie de Quimper", "Conseil Départemental du Finistère", "West
 * Yorkshire Growth Hub", "Galway Chamber", "CCI Bretagne Ouest", "Bpifrance Bretagne", "Agence de développement
 * du Pays de Morlaix", "Cork Business Network"): such a body identifies no person and no private firm, and its
 * place is said alone everywhere else. Folded words joined by spaces, an elided word joined to the next.
 */
const PUBLIC_BODY = new RegExp(
  `(?<=^| )(?:${[
    '(?:(?:city|county|borough|district|town|parish) )?council',
    'combined authority',
    'local authority',
    'city region',
    'mairie',
    'hotel de ville',
    '(?:sous-)?prefecture',
    'metropole',
    'agglomeration',
    "communaute (?:de communes|d'agglomeration|urbaine)",
    'conseil (?:departemental|regional|general|municipal)',
    'departement',
    'region',
    'ville',
    'growth hub',
    'chamber(?: of (?:commerce|trade|industry)(?: (?:and|&) industry)?)?',
    "chambre (?:de commerce(?: et d'industrie)?|des? metiers(?: et de l'artisanat)?|d'agriculture)",
    'cci',
    'cma',
    'bpi',
    'bpifrance',
    '(?:local )?enterprise (?:office|agency|partnership)',
    'development agency',
    'business (?:network|gateway)',
    "agence (?:regionale |departementale )?(?:de developpement(?: economique)?|d'attractivite|d'innovation)",
    "(?:club|reseau) d'entreprises",
    'reseau entreprendre',
  ].join('|')})(?= |$)`,
  'g',
);

/**
 * Which of a name's folded words say what public body it is ("growth" and "hub" in "West Yorkshire Growth
 * Hub"); none when it names none.
 */
export function publicBodyWords(foldedWords: readonly string[]): boolean[] {
  let joined = '';
  const starts = foldedWords.map((word) => {
    if (joined !== '' && !joined.endsWith("'")) joined += ' ';
    const start = joined.length;
    joined += word;
    return start;
  });
  const inBody = foldedWords.map(() => false);
  for (const match of joined.matchAll(PUBLIC_BODY)) {
    const end = match.index + match[0].length;
    starts.forEach((start, i) => {
      if (start >= match.index && start < end) inBody[i] = true;
    });
  }
  return inBody;
}

/**
 * Endings of French and English adjectives and nouns that no name has ("écologique", "spécialisée",
 * "lyonnaise", "organic"): a lower-case word so ending is no firm's name.
 */
const COMMON_ENDINGS =
  /(?:ique|able|ible|aise|oise|ienne|euse|ive|.{4}[ae]nte|(?:it|nt|onn|ul)aire|ieure|ieme|.{4}ee|.{3}ement|isme|tion|sion|(?<!v)ic|ical|.{3}ist|.{5}ing|ous|ful|less|ness)s?$/;

/** Feminine, plural and verb endings, with what the word they inflect ends with ("artisanales" → "artisanal"). */
const INFLECTIONS: readonly (readonly [RegExp, string])[] = [
  [/e$/, ''],
  [/elle$/, 'el'],
  [/enne$/, 'en'],
  [/onne$/, 'on'],
  [/ere$/, 'er'],
  [/euse$/, 'eur'],
  [/ive$/, 'if'],
  [/trice$/, 'teur'],
  [/ette$/, 'et'],
  [/aux$/, 'al'],
  [/ent$/, 'e'],
  [/ait$/, 'e'],
  [/ies$/, 'y'],
  [/ied$/, 'y'],
  [/es$/, ''],
  [/ed$/, ''],
  [/ed$/, 'e'],
  [/ing$/, ''],
  [/ing$/, 'e'],
  [/(\w)\1(?:ed|ing)$/, '$1'],
  [/ly$/, ''],
];

/**
 * The words a folded word may be an inflection of, itself first: the word without its plural, then each
 * of those with one feminine, plural or verb ending undone ("industrielles" → "industriel", "opened" →
 * "open").
 */
export function baseForms(folded: string): string[] {
  const singular = /[sx]$/.test(folded) ? [folded, folded.slice(0, -1)] : [folded];
  const forms = [...singular];
  for (const word of singular)
    for (const [ending, base] of INFLECTIONS) if (ending.test(word)) forms.push(word.replace(ending, base));
  return forms.filter((form) => form.length >= 3);
}

/** Whether a folded word ends as common adjectives and nouns do, and no name. */
export function hasCommonEnding(folded: string): boolean {
  return COMMON_ENDINGS.test(folded);
}

/** A trade word as written or in the plural ("menuiseries", "Ateliers"). */
export function isTradeWord(folded: string): boolean {
  // "hotel-restaurant", "bar-tabac": trades joined by a hyphen.
  if (folded.includes('-') && folded.split('-').every((part) => part !== '' && isTradeWord(part)))
    return true;
  return TRADE_WORDS.has(folded) || (/[sx]$/.test(folded) && TRADE_WORDS.has(folded.slice(0, -1)));
}

/**
 * A word that says what a firm is rather than who: a trade, an institution, a firm noun, a legal form, a
 * family ending.
 */
export function isFirmWord(word: string): boolean {
  const folded = fold(word);
  return (
    isTradeWord(folded) ||
    INSTITUTION_WORDS.has(folded) ||
    FIRM_NOUNS.has(folded) ||
    FAMILY_ENDINGS.has(folded) ||
    isLegalForm(word)
  );
}
