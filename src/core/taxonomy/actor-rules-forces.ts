import { rule } from './actor-rule.ts';
import type { PerpetratorRule } from './actor-rule.ts';

/**
 * Crosswalk rules for actors who are not armed groups: victims and bystanders, state forces (Mali's own and
 * foreign), the UN and private guards. Evaluated before the armed-group rules (perpetrator-rules.ts gives the order).
 */

export const NON_COMBATANT_RULES: readonly PerpetratorRule[] = [
  // — Victims and bystanders: never perpetrators. First, so that "Ganda Izo Ethnic Group" is not read as the militia.
  rule('civilians', 'other', /^civilians\b/i, 'ACLED inter 7 and UCDP one-sided side_b: the victims.', {
    perpetrator: false,
  }),
  rule(
    'identity-group',
    'other',
    /\b(ethnic|communal|clan) group\b|\b(muslim|christian) group\b/i,
    'ACLED names unarmed communities "X Ethnic/Communal Group" (victims or participants), armed ones "X … Militia".',
    { perpetrator: false },
  ),
  rule(
    'social-group',
    'other',
    /^(aid workers|health workers|journalists|teachers|students|labour group|women|farmers|fishermen|herders|pastoralists|prisoners|refugees\/idps|lgbt|street traders)\b/i,
    'Occupational and social groups that ACLED lists beside civilians or protesters.',
    { perpetrator: false },
  ),
  rule(
    'humanitarian',
    'other',
    /^(ICRC|MSF|CRM|UNHCR|UNICEF|WFP|OCHA|UN):|red cross|doctors without borders|^NGO\b/i,
    'Humanitarian and UN agencies (not MINUSMA): targets of attacks, not parties.',
    { perpetrator: false },
  ),
  rule('protesters', 'other', /^protesters\b/i, 'ACLED inter 6: peaceful demonstrators.', {
    perpetrator: false,
  }),
  rule(
    'political-or-civic-organisation',
    'other',
    /^(ADEMA-PASJ|URD|RPM|ADP-Maliba|RDR|RFP|FSD|COFOP|COPAM|CRNOP|MP22|AJSN|CJSC-Nord|AEEM|UNTM):|^(Yerewolo Ton|Enough is Enough Movement|Save the Mopti Region)\b/i,
    'Parties, unions and civic movements that ACLED lists beside protesters and rioters; unarmed.',
    { perpetrator: false },
  ),
  rule(
    'rioters',
    'other',
    /^rioters\b/i,
    'ACLED inter 5: spontaneous mobs. They do harm civilians (lynchings, mob violence) but are no organised party.',
  ),
];

export const FORCES_RULES: readonly PerpetratorRule[] = [
  // — Foreign state forces and their proxies. Before the generic state rule, which would read them by country.
  rule(
    'wagner-group',
    'foreign_state_partner',
    /\bwagner\b/i,
    'Russian private military company deployed with FAMa from late 2021 under an arrangement with the transitional government; counted with the state partner that sent it, not as a militia.',
  ),
  rule(
    'africa-corps',
    'foreign_state_partner',
    /\bafrica corps\b/i,
    "Russian Ministry of Defence force that took over Wagner's role in 2024.",
  ),
  rule(
    'russia',
    'foreign_state_partner',
    /\b(military|police) forces of russia\b|\bgovernment of russia\b/i,
    'Russian state forces operating with FAMa.',
  ),
  rule(
    'france',
    'foreign_state_partner',
    /\b(military forces|government) of france\b|\b(barkhane|serval|sabre|takuba)\b/i,
    'French operations Serval (2013–14), Barkhane (2014–22) and the European Task Force Takuba fought beside FAMa.',
  ),
  rule(
    'g5-sahel',
    'foreign_state_partner',
    /\bG5 ?S(ahel)?\b|FC-G5S/i,
    'Joint force of the G5 Sahel states (Mali, Burkina Faso, Niger, Chad, Mauritania), FAMa units included.',
  ),
  rule(
    'eu-mission',
    'foreign_state_partner',
    /\bEUTM\b|\bEUCAP\b|European Union Training Mission/i,
    'EU training mission for FAMa: a partner of the state (relevant to due-diligence reviews), though not a combat force.',
  ),
  rule(
    'un-peacekeeping',
    'other',
    /\bMINUSMA\b|\bA?FISMA\b|\bMISMA\b|United Nations Multidimensional/i,
    "UN (and the AU-led AFISMA/MISMA it replaced) peacekeepers act under a Security Council mandate, not as a party allied to FAMa; the UN's own due-diligence policy treats non-UN forces as the partners. Kept in `other`, findable by this rule id.",
  ),

  // — National state forces: Mali's when the event is in Mali, a foreign partner's otherwise.
  rule(
    'state-forces-mutiny',
    'state_forces',
    /^mutiny of (?:military|police) forces of (?:the )?(?<country>.+?)(?:\s*\(|$)/i,
    'Mutinous soldiers remain state agents for accountability; ACLED codes them inter 1.',
    { byCountry: true },
  ),
  rule(
    'state-forces',
    'state_forces',
    /^(?:military|police) forces of (?:the )?(?<country>.+?)(?:\s*\(|$)|^government of (?:the )?(?<country2>.+?)(?:\s*\(|$)/i,
    'ACLED "Military/Police Forces of X (period) [unit]" for every period and unit (gendarmerie, customs, prison guards…), and ACLED/UCDP "Government of X".',
    { byCountry: true },
  ),
  rule(
    'forest-guards',
    'state_forces',
    /^forest guards\b(?:\s*\((?<country>[^)]+)\))?/i,
    'Agents of the Eaux et Forêts service: armed state agents, whatever inter code ACLED gave them.',
    { byCountry: true },
  ),
  rule(
    'moc',
    'state_forces',
    /^MOC:|Operational Coordination Mechanism/i,
    'Mixed FAMa–signatory patrols under FAMa command; ACLED also codes them as a unit of the Military Forces of Mali.',
  ),
  rule(
    'private-security',
    'other',
    /^private security forces\b/i,
    'Guards of businesses, NGOs and the UN: armed, but no party to the conflict.',
  ),
];
