/**
 * Cue words of attribution: the verbs and phrases that introduce what someone said, wrote or holds. Lower-case,
 * inflected forms listed explicitly so that lookup is a set membership test on a token's normal form.
 */

const SPEECH = `say says said saying tell tells told telling add adds added adding state states stated stating write
writes wrote writing tweet tweets tweeted tweeting post posts posted posting note notes noted noting announce announces
announced announcing explain explains explained explaining argue argues argued arguing claim claims claimed claiming
insist insists insisted insisting warn warns warned warning declare declares declared declaring acknowledge
acknowledges acknowledged acknowledging admit admits admitted admitting suggest suggests suggested suggesting confirm
confirms confirmed confirming deny denies denied denying report reports reported reporting reply replies replied
replying respond responds responded responding answer answers answered answering recall recalls recalled recalling
continue continues continued continuing conclude concludes concluded concluding testify testifies testified testifying
maintain maintains maintained maintaining contend contends contended contending emphasize emphasizes emphasized
emphasizing emphasise emphasised stress stresses stressed stressing predict predicts predicted predicting promise
promises promised promising vow vows vowed vowing urge urges urged urging ask asks asked asking complain complains
complained complaining assert asserts asserted asserting observe observes observed observing remark remarks remarked
allege alleges alleged alleging charge charges charged charging estimate estimates estimated estimating indicate
indicates indicated indicating reveal reveals revealed revealing disclose discloses disclosed disclosing concede
concedes conceded conceding agree agrees agreed agreeing counter counters countered countering point points pointed
pointing boast boasts boasted boasting joke jokes joked joking quip quips quipped quipping recount recounts recounted
mention mentions mentioned mentioning highlight highlights highlighted highlighting caution cautions cautioned
cautioning reiterate reiterates reiterated reiterating repeat repeats repeated repeating accuse accuses accused
accusing demand demands demanded demanding pledge pledges pledged pledging describe describes described describing
recommend recommends recommended recommending chant chants chanted chanting shout shouts shouted shouting yell yells
yelled yelling scream screamed screaming read reads pressed comment comments commented commenting retort retorts
retorted retorting exclaim exclaims exclaimed exclaiming confess confesses confessed confessing interject interjects
interjected interjecting fumed fuming muse muses mused musing scoff scoffs scoffed scoffing surmise surmised demur
demurred lament laments lamented lamenting proclaim proclaims proclaimed proclaiming opine opines opined whisper
whispers whispered whispering mutter muttered marvel marvels marveled marvelled gushed riffed quipping concede`;

const COGNITION = `think thinks thought believe believes believed believing feel feels felt hope hopes hoped fear fears
feared know knows knew expect expects expected worry worries worried doubt doubts doubted`;

// Verbs by which a source takes a public stance on something: news attributes the object to the source as much as it
// would a quotation ("Bush criticized Rubio for ...", "polls show ...", "calling him a disgrace"). Base forms that are
// mostly nouns ("call", "support", "attack", "question") are left out.
const STANCE = `called calls calling criticize criticizes criticized criticizing criticise criticised endorses endorsed
endorsing defends defended defending praises praised praising cites cited citing rejects rejected rejecting
questioned questioning blasts blasted blasting dismisses dismissed dismissing denounce denounces denounced denouncing
blames blamed blaming condemn condemns condemned condemning mocks mocked mocking echoes echoed echoing assure assures
assured assuring attacked attacking expresses expressed expressing refers referred referring wants wanted supports
supported opposes opposed proposes proposed proposing seeks sought show shows showed finds found hoping
declined declines refused refuses discuss discusses discussed discussing talked offered offering pushed pushing
challenged challenging ordered decried decries slammed slams slamming portrayed portrays thanked thanking requested
requesting reminded reminds reminding sees see saw supporting backs backed backing oppose opposing favor favors endorse endorses
prefer prefers preferred`;

// Verbs of intention whose infinitive complement PolNeAR attributes to the subject ("Trump plans to ...", "they want
// to lose"); cues only when "to" follows.
// Forms measured below break-even precision on the PolNeAR train split ("tried to", "planned to") are left out.
const INTENTION = `want wants wanted plans intend intends decide decides decided aim aims aimed vowed vows seek seeking
threaten threatens threatened`;

/** Lower-cased verb forms that introduce speech or writing. */
export const SPEECH_CUES: ReadonlySet<string> = new Set(SPEECH.split(/\s+/));

/** Lower-cased verb forms of belief and expectation that attribute a view when followed by a clause. */
export const COGNITION_CUES: ReadonlySet<string> = new Set(COGNITION.split(/\s+/));

/** Lower-cased verb forms of public stance (criticize, endorse, call for, polls show) that attribute their object. */
export const STANCE_CUES: ReadonlySet<string> = new Set(STANCE.split(/\s+/));

/** Lower-cased verb forms of intention that attribute an infinitive complement ("plans to", "wants to"). */
export const INTENTION_CUES: ReadonlySet<string> = new Set(INTENTION.split(/\s+/));

/** Cue forms that are present participles ("adding", "saying"): their speaker is the subject of the main clause. */
export function isParticipleCue(normal: string): boolean {
  return normal.endsWith('ing') && (SPEECH_CUES.has(normal) || COGNITION_CUES.has(normal) || STANCE_CUES.has(normal));
}

/** Cue verbs whose object is the hearer ("told reporters"), skipped before the content. */
export const HEARER_CUES: ReadonlySet<string> = new Set(['tell', 'tells', 'told', 'telling', 'ask', 'asks', 'asked']);

/** Nouns for documents that speak for their author ("a readout said", "the statement said"). */
export const DOCUMENT_NOUNS: ReadonlySet<string> = new Set(
  `statement readout briefing release report memo letter post tweet document transcript filing complaint lawsuit
indictment study survey poll analysis review email message article editorial ad advertisement sign headline suit
petition caption banner invitation`.split(/\s+/),
);

/** Nouns for evidence that "shows" or "finds" something ("polls show", "the survey found"), whatever the tagger says. */
export const EVIDENCE_NOUNS: ReadonlySet<string> = new Set(
  `poll polls survey surveys study studies data report reports analysis figures records results numbers research
review audit investigation`.split(/\s+/),
);

/** Verb forms by which evidence speaks ("polls show", "a study found"). */
export const EVIDENCE_CUES: ReadonlySet<string> = new Set(
  'show shows showed shown find finds found suggest suggests suggested indicate indicates indicated'.split(' '),
);
