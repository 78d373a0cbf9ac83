import { describe, expect, it } from 'vitest';
import { detectOptOut } from './detectOptOut';
import type { OptOutChannel } from './types';

// English beyond the evaluation set: each line is a phrasing none of dev.jsonl holds word for word, so
// these check the rules' families (verb classes, guards), not memorised sentences. The classifier is
// part of the detector, so a negative must stay none with it; a positive must fire a rule or a keyword.
const opts = (channel: OptOutChannel) => ({ channel, lang: 'en' });

describe('English: talk about stopping is not a request to stop', () => {
  it.each<[OptOutChannel, string]>([
    // Someone else's words or promise, reported.
    ['voice', 'my brother said to quit calling him but i want to hear the offer'],
    ['voice', 'my daughter said she told you guys to stop calling her work phone but this is my line'],
    ['voice', 'the lady at the office said y’all would stop calling after i sent the form'],
    ['sms', 'the church keeps telling members to stop texting during service'],
    ['sms', 'I was about to tell you to stop texting but this coupon is great'],
    // A third party with a modal, a question about the past, a right stated, some time later.
    ['sms', 'somebody should stop these robocalls for real'],
    ['sms', 'why did you stop texting me the coupons?'],
    ['sms', 'my cousin unsubscribed and still gets them, weird'],
    ['sms', 'the rep said I could opt out whenever, good'],
    ['sms', 'can I unsubscribe later if I change my mind?'],
    ['voice', 'it says text stop to opt out but i want to keep these'],
    // Another line to use instead, a name after "don't call me", a callback no longer needed.
    ['sms', 'stop texting my old cell, this is my new number'],
    ['voice', 'do not call my wife she works nights call me instead'],
    ['sms', "don't call me Bobby lol it's Robert"],
    ['voice', "never mind don't call me back i figured it out"],
    // "stop" and "leave me alone" said to someone else, or taken back.
    ['sms', 'stop, you’re making me laugh 😅'],
    ['voice', 'give me a minute and leave me alone for ten minutes kids i’m on the phone'],
    ['voice', 'i thought i told y’all to stop calling oh wait that was the bank'],
    // Another channel named at once, a wish about others, the business excepted, a hypothetical.
    ['sms', 'quit texting and just call me, faster'],
    ['sms', 'I wish the bill collectors would stop calling lol'],
    ['voice', "i'm on the do not call registry but you guys are fine"],
    ['voice', 'if i asked to be removed would i lose my discount'],
    ['voice', 'i asked her to stop calling my son and she did'],
    ['sms', 'wait was I unsubscribed? no texts this week'],
    ['sms', 'how come the reminders stop'],
    ['voice', "i don't want you guys to stop texting me"],
    ['voice', 'i was thinking about unsubscribing but nah'],
    ['voice', 'can you turn off the porch light for me'],
    ['voice', 'next time you call me ask for my wife'],
    // Someone else told to stop, only part of the messages refused, another line or place named.
    ['voice', 'my sister keeps telling the gym to stop texting her'],
    ['voice', 'my aunt says she told that insurance guy to quit calling her'],
    ['voice', 'i told my roommate to lose my number'],
    ['sms', 'can i stop the sale texts but keep the shipping alerts'],
    ['sms', 'unsubscribe from just the marketing emails please'],
    ['voice', "don't call me at work, my cell is better"],
    ['voice', 'you can stop calling the house phone and just call my cell'],
    ['voice', "i'm on the do not call list at my old job"],
    ['sms', 'how do i block spam texts on my samsung'],
    ['voice', 'i want to unsubscribe from the yoga studio not from you'],
    ['sms', 'are there no more reminders left'],
    ['voice', "don't call my cell, call the office"],
    ['sms', 'dont text me the link text my husband'],
    ['voice', "i don't want the texts to go to my old phone"],
    ['voice', "i don't need the shipping alerts anymore but keep the order texts"],
    ['voice', "i'm on the do not call list for telemarketers but you're my pharmacy"],
    ['voice', 'is there any way to stop the spam calls on a landline'],
    ['voice', 'my cell wont stop ringing with these scammers'],
    ['voice', "i don't want calls during the week only saturdays"],
    ['voice', 'i turned on the do not disturb setting'],
    ['voice', 'sorry that was my daughter yelling stop calling me at her brother'],
    ['voice', 'cancel the texts on my dads phone he passed and we closed his account'],
    ['voice', 'the parents asked the coach to stop the group texts at night'],
  ])('%s %j is none', (channel, text) => {
    expect(detectOptOut(text, opts(channel)).intent).toBe('none');
  });
});

describe('English: colloquial, dialect and misheard opt-outs', () => {
  it.each<[OptOutChannel, string]>([
    ['sms', 'stop hittin my line'],
    ['sms', 'quit blowin up my cell'],
    ['sms', 'dont hmu no more'],
    ['sms', 'doh text this number again'],
    ['sms', 'leave me tf alone pls'],
    ['sms', 'Stop it, no more of these.'],
    ['sms', 'How many more times do I have to say STOP'],
    ['sms', 'permission withdrawn'],
    ['sms', 'rmv me from ur list'],
    ['sms', 'ease up on the texts, take me off'],
    ['voice', 'quick calling this number'],
    ['voice', 'on subscribe my number'],
    ['voice', 'take us off your least'],
    ['voice', "don't be texting my phone no more"],
    ['voice', "i'd rather you didn't text me"],
    ['voice', "i told y'all twice not to call here"],
    ['voice', 'could you guys maybe not text me anymore'],
    ['voice', "don't you dare call this house again"],
    ['voice', 'wrong number please delete it'],
    ['voice', 'my husband already told you people to stop calling here'],
    ['sms', 'stop w the msgs'],
    ['sms', 'pls stop the survey texts'],
    ['sms', 'remove me from your text alerts program'],
    ['voice', 'i done said quit callin'],
    ['voice', 'stop collie me'],
    ['sms', 'ugh stop'],
    ['voice', "i'd love to not be texted anymore"],
    ['voice', 'take this number off whatever list it is on'],
    ['sms', 'turn off the appointment texts'],
    ['voice', 'shut the reminder calls off please'],
    ['voice', 'next time you text me i am reporting you'],
    ['voice', 'please no longer call this number'],
    ['sms', 'stop hittin my cell bro'],
    ['voice', 'stop kallin me'],
    ['sms', "i'd prefer not to get any more texts"],
    ['voice', "i don't want anybody from your office calling me"],
    ['voice', 'my wife says stop calling the house'],
    ['voice', 'scratch my number off that list'],
    ['sms', 'unenroll me from text alerts'],
    ['sms', "no thanks and don't text me back"],
    ['voice', "i'm asking you to stop"],
    ['voice', 'nobody in this house wants your robocalls'],
    ['sms', 'were through w the texts'],
    ['voice', 'take me out of your computer'],
    ['sms', 'yall need to chill w the calls'],
    ['voice', 'whatever i just want off'],
    ['voice', "i'm going to ask that you never call here again"],
    ['sms', 'requesting removal from your calling list'],
    ['sms', 'stop texting me or im reporting you'],
    ['voice', 'doh text me back again nah'],
    ['sms', 'stop sending me dat'],
    ['voice', 'stop caulin me'],
    ['voice', 'put us down as do not call'],
    ['voice', 'my grandmother wants off your calling list'],
    ['sms', 'this is his wife he wants these calls to stop'],
    ['voice', "she's his nurse and he doesn't want these calls anymore"],
  ])('%s %j is an opt-out a rule explains', (channel, text) => {
    const result = detectOptOut(text, opts(channel));
    expect(result.intent).toBe('opt_out');
    expect(result.matched).toMatch(/^(?:phrase:en:|keyword)/);
  });
});

describe('English opt-in keywords re-subscribe only when they say so', () => {
  it.each(['resume texts', 'START TEXTS', 'start texting me'])('%j as the whole SMS is an opt-in', (text) => {
    expect(detectOptOut(text, { channel: 'sms' }).intent).toBe('opt_in');
  });
  it.each(['resume', 'Resume', 'resume?'])('%j alone (as often a CV) re-subscribes nobody', (text) => {
    expect(detectOptOut(text, { channel: 'sms' }).intent).toBe('none');
  });
});

describe('English: the account talked about mid-call, and opt-outs in formal and legal registers', () => {
  it.each<[OptOutChannel, string]>([
    // "opt out" / "unsubscribe" naming a part of a plan or a thing, not the contact.
    ['voice', 'can i opt out of the vision coverage this year'],
    ['sms', 'where do I find the opt out form for the class action'],
    ['sms', 'the unsubscribe link in your newsletter goes nowhere'],
    // Consent to a payment or to records, not to contact.
    ['voice', 'i want to withdraw my consent to the release of my records'],
    // A relayed wish the speaker disowns; the messages wanted after all.
    ['voice', 'my wife wants these texts to stop but not me, so keep texting'],
    ['sms', 'are you guys going to stop texting the weekly deals? i love them'],
    // Stopping asked about for what it would cost; quoted words to someone else.
    ['voice', 'if you quit calling me then how will i know the refill is ready'],
    ['sms', 'my son yelled "quit calling me mom" lol he is 15'],
    // A narrative about someone who stopped; the word named, not used; left alone with a task; the messages as subject.
    ['sms', 'she finally quit calling me after the breakup, anyway is my order shipped'],
    ['voice', 'opt out was the button i pressed on the other site not yours'],
    ['voice', 'just leave me alone with the paperwork and i will sign it'],
    ['sms', 'your texts never bother me, keep them coming'],
  ])('[%s] %j stays none', (channel, text) => {
    expect(detectOptOut(text, opts(channel)).intent).toBe('none');
  });

  it.each<[OptOutChannel, string]>([
    ['sms', 'Any further calls to my phone will be reported as harassment'],
    ['voice', "i'm telling you don't text me"],
    ['voice', 'my grandmother says stop calling the house she is ninety'],
    ['voice', 'stop callen me'],
  ])('[%s] %j is an opt-out', (channel, text) => {
    const result = detectOptOut(text, opts(channel));
    expect(result.intent).toBe('opt_out');
    expect(result.matched).toMatch(/^(?:phrase:en:|keyword)/);
  });
});

// A consumer talking to an AI voice agent corrects it, asks about it, and talks to the room; none of that is
// a request to stop calling. Refusing the agent's calls, though, is one, however the agent is named.
describe('English: calls with an AI voice agent', () => {
  it.each<string>([
    // Consent refused to something other than being contacted.
    'i do not consent to a background check',
    'i dont consent to this call being recorded',
    // What a keyword would do, asked; what the system will do, asked.
    'if i say stop will it take me off the calls too',
    'will it stop calling me once the bill is paid',
    // The caller's habit with people at large; moving on to the offer after a laughing complaint.
    'haha do yall ever quit calling people',
    'lol you never stop calling do you anyway whats the rate',
    // An aside to someone in the room.
    'leave me alone brandon mommy is on the phone',
    // Another line or hour named at once.
    "i don't want the bot to call my work phone call my cell",
    "i don't want your ai to call the landline, call my cell",
    "don't let the system call me before eight",
    // A name after "called"; one thing sent; a list word naming something else; naming another.
    'i dont want to be called honey',
    'id prefer not to be called by my last name',
    "don't text me the receipt photo, email it",
    'take me off the group reservation',
    'stop calling the cat that',
    'i do not authorize the charge',
    'can i opt out of the autopay',
  ])('[voice] %j stays none', (text) => {
    expect(detectOptOut(text, opts('voice')).intent).toBe('none');
  });

  it.each<string>([
    'tell the bot to delete my number',
    "please don't let your robots call this number again",
    'i dont want your machines calling me',
    'stop having your computer call my phone',
    'i dont consent to ai calling me',
    'my husband says take us off your calling list',
    'no sales calls ever again',
    'i do not authorize your ai to call me',
    'remove me from the chatbot texts',
    'i never want to hear from your bot again',
    'quit letting your machines call this number',
    'stop sending bots to call my house',
    'never again text me with a machine',
    // People at large are guarded, this household is not.
    'quit calling everyone in my family',
    'stop calling everybody at this number',
  ])('[voice] %j is an opt-out', (text) => {
    const result = detectOptOut(text, opts('voice'));
    expect(result.intent).toBe('opt_out');
    expect(result.matched).toMatch(/^phrase:en:/);
  });

  it.each<string>(['why does your bot keep calling here', 'who told you to call me'])('[voice] %j is a possible opt-out', (text) => {
    expect(detectOptOut(text, opts('voice')).intent).toBe('possible_opt_out');
  });

  it('[voice] "you keep calling me sir" names, and asks nothing', () => {
    expect(detectOptOut('you keep calling me sir its weird', opts('voice')).intent).toBe('none');
  });
});
