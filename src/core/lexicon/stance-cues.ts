/**
 * Cue lists of the stance finder (`quotes/stance-object`): verbs by which a source holds a position on something, and
 * the heads of phrases that name people (who can hold one). Lower-case forms, listed explicitly.
 */

// Verbs whose object (even one word: "supported Sanders") is the position PolNeAR attributes to the subject. Chosen by
// their share of missed attributions on the PolNeAR train split; their subject must name people (see STANCE_HOLDERS):
// "the beam supports the roof" holds no position.
const OBJECT = `support supports supported supporting oppose opposes opposed opposing endorse endorses endorsed endorsing
back backs backed backing favor favors favored favoring prefer prefers preferred want wants wanted believe believes
believed fear fears feared`;

/** Lower-cased verb forms of stance whose object the finder attributes to a subject that names people. */
export const STANCE_OBJECT_CUES: ReadonlySet<string> = new Set(OBJECT.split(/\s+/));

// Heads of noun phrases that name people or groups of them ("Republican voters", "about 4 in 10", "most", "who").
// "I" and "you" are left out: outside quotation marks they are a transcript's or a hypothetical ("if you support X").
const HOLDERS = `who we he she they voters voter republicans democrats independents americans people supporters
members leaders officials experts critics opponents candidates candidate residents citizens conservatives liberals
progressives evangelicals women men students adults parents workers delegates donors activists analysts economists
respondents majority minority most many some few half third thirds quarter quarters percent both others all
everyone everybody nobody lawmakers senators legislators governors mayors advocates allies aides advisers advisors
strategists pastors leaders groups campaign committee party administration`;

/** Heads of phrases that name people: a subject with one of these can hold a stance. */
export const STANCE_HOLDERS: ReadonlySet<string> = new Set(HOLDERS.split(/\s+/));
