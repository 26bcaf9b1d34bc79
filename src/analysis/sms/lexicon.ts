import type { AlertHarm } from '../../core/alert.ts';

function words(list: string): string[] {
  return list.split(' ');
}

/** The alert keyword and its usual misspellings; other words within tolerance of `alerte` count too. */
export const KEYWORDS = new Set(
  words('alerte alert allerte alrt alrte alerta aleret alete alarme allert urgence urgent sos'),
);

/**
 * French words (folded) for what happened, mapped to vigie's codes. `armed_attack` is the alert-only code for an
 * attack whose harm is not said yet. Stems are matched exactly; longer words also within a small edit distance.
 */
export const TYPE_WORDS: ReadonlyArray<readonly [AlertHarm, readonly string[]]> = [
  [
    'killing',
    words(
      'tue tues tuee tuees mort morts deces decedes tuerie massacre massacres assassinat assassine assassines execute executes execution executions cadavres corps',
    ),
  ],
  ['injury', words('blesse blesses blessee blessees blessure blessures blese bleses')],
  [
    'abduction_disappearance',
    words(
      'enlevement enlevements enleve enleves enlevee enlevees kidnapping kidnappe kidnappes rapt otage otages disparu disparus disparition enlevemen enlvement',
    ),
  ],
  ['crsv', words('viol viols violee violees sexuelle sexuelles')],
  ['arbitrary_detention', words('arrestation arrestations arrete arretes detenu detenus detention')],
  ['torture_ill_treatment', words('torture tortures torturee torturees maltraite maltraites sevices')],
  ['child_recruitment_use', words('recrutement recrutes enrolement enroles')],
  [
    'property_livelihoods',
    words(
      'incendie incendies incendiee incendiees brule brules brulee brulees pillage pillages pille pilles vol vols vole voles betail greniers destruction detruit',
    ),
  ],
  [
    'forced_displacement',
    words(
      'deplacement deplacements deplace deplaces deplacee deplacees fuite fuient fui exode refugies deplasement deplasse deplasses',
    ),
  ],
  ['threats_intimidation', words('menace menaces menacee menaces intimidation ultimatum menasse')],
  [
    'armed_attack',
    words(
      'attaque attaques attaquee attack attaq atak atake ataque attak attaqe assaut embuscade tirs fusillade raid explosion mine eei ied attentat agression',
    ),
  ],
];

/** When a message names several things, the alert carries the gravest; the others stay in `harms`. */
export const TYPE_PRIORITY: readonly string[] = words(
  'killing abduction_disappearance crsv injury torture_ill_treatment armed_attack arbitrary_detention child_recruitment_use forced_displacement property_livelihoods threats_intimidation',
);

export const NUMBER_WORDS: Readonly<Record<string, number>> = {
  un: 1,
  une: 1,
  deux: 2,
  trois: 3,
  quatre: 4,
  cinq: 5,
  six: 6,
  sept: 7,
  huit: 8,
  neuf: 9,
  dix: 10,
  onze: 11,
  douze: 12,
  treize: 13,
  quinze: 15,
  vingt: 20,
  trente: 30,
  quarante: 40,
  cinquante: 50,
  cent: 100,
  dizaine: 10,
  dizaines: 20,
  vingtaine: 20,
  trentaine: 30,
  centaine: 100,
  centaines: 200,
};

/** Words never taken for a place, however close to one (French glue words and SMS filler). */
export const STOP_WORDS = new Set(
  words(
    'a au aux de des du d l la le les en et ou sur dans vers pres cote entre par pour avec sans il ils y ya on nous est sont ont a ete ce cet cette ces matin soir nuit hier aujourd hui auj jour village villages commune cercle region hameau quartier marche route axe personnes personne pers civils civil femmes enfants hommes gens population armes hommes individus inconnus non identifies groupe arme armee moto motos plusieurs beaucoup environ svp stp merci aide besoin vite tres grave situation signale signalee info information type lieu nombre nbre nb bonjour bonsoir slt salut bjr ici chez nos notre leur leurs qui que se sa son ses par pas ne plus encore toujours maintenant depuis cours contre bandits terroristes jihadistes djihadistes militaires soldats dozos chasseurs',
  ),
);
