/**
 * Common English-language given names that are, in overwhelming use, male or female: the gender a pronoun ("he",
 * "she") can be checked against when no title or role marks it. Written for this project (general, not a story list);
 * names often given to both sexes (Jordan, Taylor, Jamie, Kelly, Leslie, Robin, ...) are left out on purpose.
 */

const MALE = `aaron adam adrian alan albert alex alexander alfred allen andrew andy anthony antonio arnold arthur barack
barry ben benjamin bernard bernie bill billy bob bobby brad bradley brandon brett brian bruce bryan carl carlos
charles charlie chris christopher chuck clarence craig curtis dale dan daniel danny darrell dave david dennis derek
dick don donald doug douglas duncan dwight earl ed eddie edward elijah eric ernest eugene frank fred frederick gary
gavin gene george gerald glenn gordon greg gregory harold harry henry herbert howard hugh ian isaac jack jacob jake
james jared jason jay jeb jeff jeffrey jeremy jerry jesse jim jimmy joe joel john johnny jon jonathan jose joseph
josh joshua juan justin keith ken kenneth kevin kurt larry lawrence lee leonard lindsey louis luis mark martin
marco matt matthew max michael mike mitch mitt nathan neil newt nicholas nick norman oliver orrin patrick paul pete
peter phil philip ralph randy ray raymond reince richard rick rob robert roger ron ronald roy rudy rush russell ryan
sam samuel scott sean sergio seth stephen steve steven stuart ted terry thomas tim timothy todd tom tony travis
trey troy tyler vernon victor vincent walter warren wayne william willie`;

const FEMALE = `abigail alice alicia alison allison amanda amy andrea angela ann anna anne annie barbara betsy betty beverly
brenda carly carol caroline carolyn catherine cathy cheryl christina christine cindy claire claudia colleen
cynthia dana debbie deborah debra denise diana diane donna doris dorothy elaine eleanor elizabeth ellen emily emma
erin evelyn gina gloria grace hannah heather heidi helen hillary holly irene jane janet janice jean jeanne jennifer
jenny jessica jill joan joanne joni joy joyce judith judy julia julie karen kate katherine kathleen kathryn kathy
katie kayleigh kellyanne kim kimberly laura lauren linda lisa liz loretta lori louise lucy lynn madeleine margaret
maria marie marilyn marsha martha mary megan megyn melania melissa michele michelle mildred monica nancy natalie
nicole nikki pam pamela patricia patty paula peggy rachel rebecca rose ruth sally samantha sandra sara sarah sharon
sheila shirley sonia stephanie sue susan suzanne teresa theresa tiffany tina valerie vanessa victoria virginia
wendy`;

/** Lower-cased given names used overwhelmingly for men. */
export const MALE_NAMES: ReadonlySet<string> = new Set(MALE.split(/\s+/));

/** Lower-cased given names used overwhelmingly for women. */
export const FEMALE_NAMES: ReadonlySet<string> = new Set(FEMALE.split(/\s+/));
