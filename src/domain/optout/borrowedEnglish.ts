/**
 * Guards for lexicons that borrow English words ("stop", "spam") into their own rules: an English
 * question about how to stop something ("how do u stop spam texts") is for the English rules to read,
 * which tell a question about spam in general from one about this sender's messages. Without this,
 * a borrowing lexicon fires on the English question where the English lexicon stays quiet. The English
 * rule that tells those questions apart reads the same words.
 */
// A how-to question, or a tool asked for: "how do u stop spam texts", "is there an app to stop spam calls".
export const ENGLISH_HOW_TO =
  '(?:how (?:do|can|would|could|does|should|to)(?: (?:i|u|you|we|one|people|yall))?(?: (?:even|ever|actually|just|really))?|(?:app|setting|feature|tool|button|way)s? (?:to|that|for|which)(?: (?:can|will|would))?)';
