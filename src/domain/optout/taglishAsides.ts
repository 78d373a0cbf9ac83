/**
 * Tagalog around the English words "unsubscribe" and "opt out", for the English rule that reads them
 * (Taglish borrows them whole: "paano mag-unsubscribe", "nag-opt out ako"). Without these, the English
 * rule fires on Tagalog talk about unsubscribing that is no request to this sender.
 */

/** The Tagalog words that make what follows only supposed ("kung mag-unsubscribe ako…"): the Tagalog rules' `conditional` class too. */
export const TAGALOG_IF = '(?:kung|pag|kapag|kpag|sakaling)';

/** Said before the word: a supposition ("kung mag-unsubscribe ako…", "pag nag-opt out ako…"), what it means or
 * what happens ("ano pong ibig sabihin ng…", "ano mangyayari kung…"), someone else did it ("hindi po ako yung nag-…"). */
export const TAGALOG_NOT_ASKING = `${TAGALOG_IF}(?: (?:mag|nag|i|ako|po|ba|ko|kami))*|(?:ibig sabihin|mangyayari|gumagana|magkano)(?: [^ ]+){0,4}|(?:hindi|di)(?: (?:po|ho))? (?:ako|kami)(?: (?:po|ho))? (?:yung|ang|ung) (?:nag|mag)`;

/** Said after it: another service ("… sa netflix", "… sa Globe promo pero sa inyo hindi"), or only in case ("… kung sakali"). */
export const TAGALOG_ELSEWHERE =
  '(?:(?:na|po|ako|ko|kami) )*sa (?!(?:inyo|inyong|nyo|niyo|ninyo|list|listahan|text|texts|promo|promos|mga|number|numero|lahat|sms|msg|msgs)(?![^ ]))[^ ]+|(?:[^ ]+ ){0,2}kung sakali';
