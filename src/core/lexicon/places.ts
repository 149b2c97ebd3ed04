/**
 * Gazetteer of places: countries, common short forms, U.S. states and a few large regions and cities that news names
 * without context. Lower-case keys; multi-word names are space-separated. Used to keep places out of the people list.
 */

const COUNTRIES = `afghanistan albania algeria andorra angola argentina armenia australia austria azerbaijan bahamas bahrain
bangladesh barbados belarus belgium belize benin bhutan bolivia bosnia botswana brazil brunei bulgaria burkina faso burundi
cambodia cameroon canada chad chile china colombia comoros congo croatia cuba cyprus czechia czech republic denmark djibouti
dominica ecuador egypt el salvador eritrea estonia eswatini ethiopia fiji finland france gabon gambia georgia germany ghana
greece grenada guatemala guinea guyana haiti honduras hungary iceland india indonesia iran iraq ireland israel italy
ivory coast jamaica japan jordan kazakhstan kenya kiribati kosovo kuwait kyrgyzstan laos latvia lebanon lesotho liberia
libya liechtenstein lithuania luxembourg madagascar malawi malaysia maldives mali malta mauritania mauritius mexico
moldova monaco mongolia montenegro morocco mozambique myanmar burma namibia nauru nepal netherlands holland new zealand
nicaragua niger nigeria north korea south korea korea north macedonia norway oman pakistan palau palestine panama
papua new guinea paraguay peru philippines poland portugal qatar romania russia rwanda samoa san marino saudi arabia
senegal serbia seychelles sierra leone singapore slovakia slovenia somalia south africa south sudan spain sri lanka sudan
suriname sweden switzerland syria taiwan tajikistan tanzania thailand togo tonga trinidad tunisia turkey turkiye
turkmenistan tuvalu uganda ukraine united arab emirates uae united kingdom uk britain great britain england scotland wales
northern ireland united states u.s. us usa america uruguay uzbekistan vanuatu vatican venezuela vietnam yemen zambia
zimbabwe`;

// Multi-word country names must be recognized as units, so they are listed separately.
const MULTI_WORD_COUNTRIES = [
  'burkina faso',
  'czech republic',
  'el salvador',
  'ivory coast',
  'new zealand',
  'north korea',
  'south korea',
  'north macedonia',
  'papua new guinea',
  'san marino',
  'saudi arabia',
  'sierra leone',
  'south africa',
  'south sudan',
  'sri lanka',
  'united arab emirates',
  'united kingdom',
  'great britain',
  'northern ireland',
  'united states',
  'united states of america',
];

const US_STATES = `alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho
illinois indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri
montana nebraska nevada new hampshire new jersey new mexico new york north carolina north dakota ohio oklahoma oregon
pennsylvania rhode island south carolina south dakota tennessee texas utah vermont virginia washington west virginia
wisconsin wyoming`;

// Regions and cities that appear in international news without a country next to them.
const REGIONS_AND_CITIES = [
  'middle east',
  'europe',
  'asia',
  'africa',
  'latin america',
  'gaza',
  'gaza strip',
  'west bank',
  'east jerusalem',
  'jerusalem',
  'tel aviv',
  'golan heights',
  'sinai',
  'crimea',
  'donbas',
  'kashmir',
  'tibet',
  'hong kong',
  'capitol hill',
  'wall street',
  'silicon valley',
  'washington',
  'washington d.c.',
  'new york city',
  'london',
  'paris',
  'berlin',
  'moscow',
  'beijing',
  'tokyo',
  'kyiv',
  'kiev',
  'cairo',
  'tehran',
  'baghdad',
  'damascus',
  'beirut',
  'ramallah',
  'riyadh',
  'ankara',
  'istanbul',
  'brussels',
  'geneva',
  'rome',
  'madrid',
  'delhi',
  'new delhi',
  'mumbai',
  'islamabad',
  'kabul',
  'seoul',
  'pyongyang',
  'taipei',
  'manila',
  'jakarta',
  'sydney',
  'toronto',
  'ottawa',
  'mexico city',
  'los angeles',
  'chicago',
  'houston',
  'san francisco',
  'boston',
  'miami',
  'atlanta',
  'seattle',
  'dallas',
  'philadelphia',
  'detroit',
  'baltimore',
];

/** Lower-cased country names and short forms ("u.s.", "uk", "saudi arabia"). */
export const COUNTRY_NAMES: ReadonlySet<string> = new Set([...COUNTRIES.split(/\s+/), ...MULTI_WORD_COUNTRIES]);

/** Lower-cased place names: countries, U.S. states, regions and large cities. */
export const PLACE_NAMES: ReadonlySet<string> = new Set([
  ...COUNTRY_NAMES,
  ...US_STATES.split(/\s+/),
  'new hampshire',
  'new jersey',
  'new mexico',
  'new york',
  'north carolina',
  'north dakota',
  'rhode island',
  'south carolina',
  'south dakota',
  'west virginia',
  ...REGIONS_AND_CITIES,
]);

/** Lower-cased nationality and group adjectives ("israeli", "palestinians"): descriptors, never names of people. */
export const DEMONYMS: ReadonlySet<string> = new Set(
  `afghan african albanian algerian american arab arabs argentine armenian asian australian austrian azerbaijani
bahraini belgian brazilian british bulgarian canadian chilean chinese colombian croatian cuban cypriot czech danish
dutch egyptian emirati emiratis english eritrean estonian ethiopian european filipino finnish french georgian german
greek haitian hungarian indian indonesian iranian iraqi irish israeli israelis italian jamaican japanese jewish jews
jordanian kazakh kenyan korean kurdish kurds kuwaiti latvian lebanese libyan lithuanian malaysian mexican moroccan
muslim muslims nigerian norwegian pakistani palestinian palestinians persian polish portuguese qatari romanian russian
saudi saudis scottish serbian slovak somali spanish sudanese swedish swiss syrian taiwanese thai tunisian turkish
ukrainian venezuelan vietnamese welsh yemeni christian christians catholic evangelical sunni shia shiite democrat
democrats democratic republican republicans gop conservative conservatives liberal liberals progressive progressives`
    .split(/\s+/)
    .flatMap((w) => [w, w.endsWith('s') ? w : `${w}s`]),
);

/** Short and long forms of the same place or body, mapped to one canonical lower-case form for merging. */
export const CANONICAL_FORMS: ReadonlyMap<string, string> = new Map([
  ['u.s.', 'united states'],
  ['us', 'united states'],
  ['usa', 'united states'],
  ['u.s.a.', 'united states'],
  ['america', 'united states'],
  ['united states of america', 'united states'],
  ['uk', 'united kingdom'],
  ['u.k.', 'united kingdom'],
  ['britain', 'united kingdom'],
  ['great britain', 'united kingdom'],
  ['un', 'united nations'],
  ['u.n.', 'united nations'],
  ['eu', 'european union'],
  ['e.u.', 'european union'],
  ['uae', 'united arab emirates'],
  ['turkiye', 'turkey'],
  ['kiev', 'kyiv'],
  ['burma', 'myanmar'],
]);
