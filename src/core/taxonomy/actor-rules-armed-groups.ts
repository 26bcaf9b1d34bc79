import { rule } from './actor-rule.ts';
import type { PerpetratorRule } from './actor-rule.ts';

/**
 * Crosswalk rules for non-state armed actors: jihadist groups, the armed movements that signed peace accords,
 * community self-defence militias, criminals, and the unidentified. Order inside matters (GMA before the Azawad
 * movements; named militias before ACLED's generic "… Militia" families; "Unidentified" last).
 */
export const ARMED_GROUP_RULES: readonly PerpetratorRule[] = [
  // — Jihadist groups. GMA first: ACLED uses that label for Belmokhtar's al-Mourabitoun (La Terrasse 2015, Sévaré).
  rule(
    'al-mourabitoun',
    'jihadist_group',
    /^GMA: Mourabitounes Group of Azawad|\bal[- ]?mourabitoune?s?\b|\bal[- ]?murabitoun\b|those who signed in blood|signatories of blood|mulathamun/i,
    'Al-Mourabitoun and its forerunner (Those Who Signed in Blood); in these files ACLED calls it "GMA: Mourabitounes Group of Azawad".',
  ),
  rule(
    'jnim',
    'jihadist_group',
    /\bJNIM\b|Group for Support of Islam and Muslims|Nusrat al-Islam|\bGSIM\b/i,
    'Al-Qaeda coalition formed 2017 (Ansar Dine, Katiba Macina, al-Mourabitoun, AQIM Sahara); "JNIM and/or IS" rows are jihadist either way.',
  ),
  rule(
    'aqim',
    'jihadist_group',
    /\bAQIM\b|\bal[- ]?qa'?[ei]da\b|\bGSPC\b|Salafist Group for (Call|Preaching) and Combat/i,
    'Al-Qaeda in the Islamic Maghreb and its forerunner GSPC.',
  ),
  rule(
    'ansar-dine',
    'jihadist_group',
    /\bAnsar (Dine|Eddine|ed-Dine)\b/i,
    "Iyad Ag Ghaly's group, in JNIM since 2017.",
  ),
  rule(
    'mujao',
    'jihadist_group',
    /\bMUJ(AO|WA)\b|Movement for (Unity|Oneness) and Jihad/i,
    'Gao-based AQIM offshoot, 2011–2013.',
  ),
  rule(
    'katiba-macina',
    'jihadist_group',
    /Katiba Macina|\bFLM\b|Macina Liberation Front|Lib[eé]ration du Macina|Liberation of Maasina/i,
    "Amadou Koufa's Katiba Macina / Macina Liberation Front, in JNIM since 2017.",
  ),
  rule(
    'jihadist-katiba',
    'jihadist_group',
    /\bKatiba (Serma|Salaheddine|Al Mansour|Al Furqan|Khalid)\b|Al Furqan Battalion/i,
    'AQIM/JNIM brigades named in ACLED assoc columns.',
  ),
  rule(
    'islamic-state',
    'jihadist_group',
    /Islamic State|\bIS ?GS\b|\bISSP\b|\bIS[- ]Sahel\b|^IS$|\bISWAP\b|Soldiers of the Caliphate|\bDaesh\b/i,
    'Islamic State in the Greater Sahara (2015), Sahel Province (2022); UCDP writes "IS".',
  ),
  rule(
    'ansaroul-islam',
    'jihadist_group',
    /\bAnsar(oul|ul|u) ?Islam\b/i,
    'Burkinabe group allied to JNIM, active in Mopti region.',
  ),
  rule(
    'boko-haram',
    'jihadist_group',
    /Boko Haram|Jama'?atu Ahli/i,
    'Nigerian jihadist group (fighters reported in Gao in 2012).',
  ),
  rule(
    'ansar-al-sharia',
    'jihadist_group',
    /\bAnsar al-?Sharia\b/i,
    'Short-lived Gao jihadist group (Dec 2012).',
  ),
  rule(
    'islamist-militia',
    'jihadist_group',
    /^Islamist Militia\b|\bjihadists?\b/i,
    "ACLED's label for armed men reported as Islamists/jihadists without a named group: the kind is known, only the name is not.",
  ),

  // — Armed movements of the north that signed the 2015 Agreement (CMA, Platform, "inclusive" movements) or earlier
  //   peace accords (1991–92, 2006). One category for all periods: it names the group, not its stance in a year.
  rule(
    'maa',
    'armed_signatory_group',
    /\bMAA\b|Arab Movement of (the )?Azawad|\bFNLA\b|National Liberation Front of Azawad/i,
    'Arab Movement of Azawad, both wings (CMA and Platform) and splinters; FNLA was its 2012 name.',
  ),
  rule(
    'cmfpr',
    'armed_signatory_group',
    /\bCMFPR\d?\b|Coordination of Patriotic Movements and Forces (for|of) Resistance/i,
    'Both wings (CMFPR1 in the Platform, CMFPR2 in the CMA) signed the 2015 Agreement.',
  ),
  rule(
    'cma',
    'armed_signatory_group',
    /\bCMA\b|Coordination of (the )?Movements of (the )?Azawad|Coordination des Mouvements de l.Azawad/i,
    'Coordination of Azawad Movements (MNLA, HCUA, MAA-CMA…), signatory of the 2015 Agreement.',
  ),
  rule(
    'mnla',
    'armed_signatory_group',
    /\bMNLA\b|National Movement for the Liberation of (the )?Azawad/i,
    'Led the 2012 rebellion; CMA member and 2015 signatory.',
  ),
  rule(
    'hcua',
    'armed_signatory_group',
    /\bHCUA\b|\bHCA\b|High Council for the (Unity of (the )?)?Azawad|Supreme Council for Azawad Unity/i,
    'High Council for the Unity of Azawad (and the 2013 High Council for Azawad it absorbed); CMA member.',
  ),
  rule(
    'mia',
    'armed_signatory_group',
    /\bMIA\b|Islamic Movement of (the )?Azawad/i,
    'January 2013 split from Ansar Dine that renounced jihadism to negotiate; merged into the HCUA within months.',
  ),
  rule(
    'gatia',
    'armed_signatory_group',
    /\bGATIA\b|Imghad Tuareg and Allies|Ag Gamou/i,
    'Imghad Tuareg self-defence group of Gen. Ag Gamou: a Platform signatory, so here rather than with community militias.',
  ),
  rule(
    'msa',
    'armed_signatory_group',
    /\b(MSA|MPSA)\b|Movement for (the )?(Salvation of (the )?Azawad|Azawad Salvation)/i,
    'MSA (2016 split from the MNLA) and MPSA (Arab): "inclusive" movements of the 2015 process.',
  ),
  rule(
    'platform',
    'armed_signatory_group',
    /\bPlatform\b|\bPlateforme\b/i,
    'Platform of Algiers (14 June 2014) movements: pro-government signatories (GATIA, MAA-Platform, CMFPR1).',
  ),
  rule(
    'cpa',
    'armed_signatory_group',
    /\bCPA\b|Azawad People'?s Coalition|Coalition (of|for) the People of (the )?Azawad/i,
    'Coalition of the People for Azawad, signatory of the 2015 Agreement.',
  ),
  rule(
    'cja',
    'armed_signatory_group',
    /\bCJA\b|Congress for Justice in (the )?Azawad/i,
    "Congrès pour la justice dans l'Azawad, inclusive movement (2016).",
  ),
  rule(
    'cme-fpa',
    'armed_signatory_group',
    /\bCME\b|\bFPA\b|Agreement Movements Coordination|Popular Front of (the )?Azawad/i,
    "Coordination des Mouvements de l'Entente (2017: FPA, MSA, CPA, CJA, MPSA) and its FPA member.",
  ),
  rule(
    'earlier-rebellions',
    'armed_signatory_group',
    /\b(ATNMC|ADC|MPA|FIAA|ARLA|FPLA|MPLA)\b|North Mali Tuareg Alliance|Democratic Alliance of 23(rd)? May|Popular Movement (for|of) the Liberation of Azawad/i,
    'Tuareg/Arab movements of the 1990–96 and 2006–09 rebellions, which signed the 1992 National Pact or the 2006 Algiers accord (ATNMC: the ADC splinter that refused it); kept with the movements that succeeded them.',
  ),

  // — Community self-defence militias: named ones, then ACLED's identity-militia families.
  rule(
    'dan-na-ambassagou',
    'self_defence_militia',
    /Dan ?Na Amb?assagou|Dogon Amb?assagou/i,
    'Dogon militia of the Mopti region (2016–), accused of the Ogossagou massacre (2019).',
  ),
  rule(
    'dozo',
    'self_defence_militia',
    /\bDozos?\b|\bDonsos?\b/i,
    "Traditional hunters' militias (Bambara, Dogon) of central Mali.",
  ),
  rule(
    'ganda-koy-izo',
    'self_defence_militia',
    /\bGanda[- ]?(Koy|Izo|Iso)\b|\bGandakoy\b/i,
    'Songhai (Ganda Koy) and Fulani-Songhai (Ganda Izo) self-defence militias; part of CMFPR1 but community militias first.',
  ),
  rule(
    'fulani-self-defence',
    'self_defence_militia',
    /\bASS\b|Alliance for the Salvation of the Sahel|\bANSIPRJ\b|Protection of the (Fulani|Peul)/i,
    'Fulani self-defence groups (ASS 2018, ANSIPRJ 2016), founded to protect Fulani communities from Dogon/Dozo militias and the army.',
  ),
  rule(
    'northern-resistance-militia',
    'self_defence_militia',
    /\bMPRLT\b|Liberation of Timbuktu|\bFPR\b|Patriotic Forces of Resistance/i,
    'Local militias formed in 2012 to drive the armed groups from Timbuktu and Gao (FPR federated Ganda Koy/Ganda Izo).',
  ),
  rule(
    'pro-government-militia',
    'self_defence_militia',
    /^Militia \(Pro-Government\)/i,
    "ACLED's label for unnamed pro-government militias: Bambara militias (2016) and GATIA-aligned fighters (2015).",
  ),
  rule(
    'vigilantes',
    'self_defence_militia',
    /\bvigilante (militia|group)\b|\bself[- ]defen[cs]e (group|militia)\b|\bkoglweogo\b/i,
    "Village vigilance groups: community self-defence in ACLED's identity-militia class.",
  ),
  rule(
    'unidentified-communal-militia',
    'self_defence_militia',
    /^unidentified (communal|ethnic) militia\b/i,
    'ACLED inter 4: the kind of actor (a community militia) is known, only its name is not. Counted with militias, not with unidentified perpetrators.',
  ),
  rule(
    'communal-or-ethnic-militia',
    'self_defence_militia',
    /\b(ethnic|communal|clan|tribal) militia\b|\b(sunni|shiite|shia) muslim militia\b/i,
    'ACLED identity militias named after a community, village or faith ("Dogon Ethnic Militia", "Tassilima Communal Militia").',
  ),
  rule(
    'ucdp-community',
    'self_defence_militia',
    /^(dogon|fulani|peul|bambara|bozo|songhai|songhay|tuareg|arab|dawsahak|daoussahak|imghad|idnan|ifoghas|kel ansar|kounta)s?$/i,
    'UCDP names informal communal militias after the community ("Dogon", "Fulani").',
  ),

  // — Crime and other local violence outside the conflict.
  rule(
    'criminal',
    'criminal',
    /bandit|smuggl|traffick|criminal|\bgangs?\b|\brobbers?\b|poachers?|cattle (thieves|rustlers)|\bnarco/i,
    'Bandits and traffickers when a source names them as such (ACLED usually files them under Unidentified Armed Group).',
  ),
  rule(
    'local-faction',
    'other',
    /^Militia \((Students|Miners)\)|^Adema Liberation Army|^Polisario Front/i,
    "Student and gold-miner factions, a 1998 party-linked gang, and the Polisario Front: armed, outside Mali's conflict parties.",
  ),

  // — Unknown perpetrators.
  rule(
    'unidentified-armed-group',
    'unidentified',
    /^unidentified\b|^unknown\b|\bgunmen\b|\bassailants\b/i,
    'ACLED "Unidentified Armed Group (X)" and similar: the source does not say who; jihadists, bandits or militias are all possible.',
  ),
];
