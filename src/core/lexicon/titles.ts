/**
 * Titles and roles of people: head words ("president", "spokesperson"), the words that may build a longer title around
 * them ("deputy assistant secretary of state"), and honorifics ("Mr.", "Rep.").
 */

/** Lower-cased head words of a title or role: a name right after one of them is a person. */
export const TITLE_HEADS: ReadonlySet<string> = new Set(
  `president president-elect vice-president minister premier chancellor secretary secretary-general undersecretary
spokesperson spokesman spokeswoman spokespeople adviser advisor ambassador envoy senator representative congressman
congresswoman congressmember governor mayor lawmaker legislator chairman chairwoman chair chief director commissioner
leader general admiral colonel lieutenant sergeant captain commander officer official officials judge justice attorney
prosecutor king queen prince princess emperor pope cardinal bishop archbishop rabbi imam pastor reverend
professor dr doctor diplomat correspondent reporter editor columnist analyst economist scientist researcher expert
candidate nominee founder ceo executive counsel counselor strategist aide negotiator coordinator head speaker whip
ayatollah emir czar monarch sultan activist lawyer author writer host anchor`.split(/\s+/),
);

/** Lower-cased words that may stand inside or before a title ("deputy", "press", "national security"). */
export const TITLE_MODIFIERS: ReadonlySet<string> = new Set(
  `vice deputy assistant associate acting interim former ex- then senior top chief principal prime foreign defense
defence interior finance justice health home state homeland security national press white house u.s. us federal
general special first lead majority minority regional district county city supreme high junior communications
political military intelligence economic trade energy treasury labor labour education transportation agriculture
commerce veterans affairs of for the to and department ministry council union party campaign senate house army navy
policy government administration executive managing deputy-assistant`.split(/\s+/),
);

/** Lower-cased honorifics and abbreviated titles written right before a name. */
export const HONORIFICS: ReadonlySet<string> = new Set(
  `mr. mrs. ms. miss dr. prof. rep. sen. gov. lt. gen. col. sgt. capt. adm. cmdr. maj. pres. sec. amb. rev. fr. sir
dame lord lady mr mrs ms dr rep sen gov gen col`.split(/\s+/),
);

/** Lower-cased definite descriptions that can stand for a person named elsewhere ("the president"). */
export const PERSON_DESCRIPTORS: ReadonlySet<string> = new Set(
  `president vice-president prime-minister secretary spokesperson spokesman spokeswoman senator governor mayor
minister chancellor ambassador envoy king queen pope congressman congresswoman`.split(/\s+/),
);
