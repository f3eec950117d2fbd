//! The fictional couple's words: short, ordinary sentences to fill a demo
//! journal with something that reads like a real one.

pub const NAMES: [&str; 2] = ["Maya", "Jonas"];

/// What the couple writes, step by step: each text step of each built-in
/// exercise has its own few answers, so a demo page reads like one.
pub const ANSWERS: &[(&str, &str, &[&str])] = &[
    (
        "speaker-listener",
        "topic",
        &[
            "Who cooks on weeknights.",
            "How we plan our weekends.",
            "Phones at the dinner table.",
        ],
    ),
    (
        "after-a-conflict",
        "topic",
        &[
            "Sunday's talk about money.",
            "The argument about visiting my parents.",
            "Who forgot to book the train.",
        ],
    ),
    (
        "helping-or-rescuing",
        "recent",
        &[
            "I rewrote Sam's email to the landlord before he asked. He seemed a bit deflated afterwards.",
            "Alex was stuck on a form and I just filled it in. It was quicker, but I think she wanted to learn it.",
        ],
    ),
    (
        "helping-or-rescuing",
        "hoping",
        &[
            "I hope things stay calm, and that I feel useful.",
            "I think I want to be thanked, if I am honest.",
        ],
    ),
    (
        "helping-or-rescuing",
        "catching",
        &[
            "I pay the late fees on the cards so we never talk about them.",
            "I remind Sam of every deadline, so he never has to keep track.",
        ],
    ),
    (
        "helping-or-rescuing",
        "wanted",
        &[
            "I would like help planning the move, and I would rather handle my own job search.",
            "I would like a hand with the garden, and I would rather sort my family out myself.",
        ],
    ),
    (
        "helping-or-rescuing",
        "heard",
        &[
            "I hear that you want help with the move, but not with your job search.",
            "I hear that the garden is where you want me, and your family is yours.",
        ],
    ),
    (
        "helping-or-rescuing",
        "plan",
        &[
            "We ask \"help or listen?\" before stepping in.",
            "Each of us waits to be asked before fixing something for the other.",
        ],
    ),
    (
        "who-i-am-outside-us",
        "lost",
        &[
            "I used to sing in a choir on Tuesdays.",
            "I used to go climbing with my old friends.",
        ],
    ),
    (
        "who-i-am-outside-us",
        "room",
        &[
            "It would help if you took the kids on Tuesday evenings.",
            "It would help if you were glad when I go, not only fine with it.",
        ],
    ),
    (
        "who-i-am-outside-us",
        "heard",
        &[
            "I hear that climbing and your old friends are yours, and you miss them.",
            "I hear that the choir was yours, and you would like it back.",
        ],
    ),
    (
        "who-i-am-outside-us",
        "plan",
        &[
            "Alex goes back to choir, and Sam books one climbing day.",
            "One evening a week each, just for ourselves.",
        ],
    ),
    (
        "deciding-together",
        "decision",
        &[
            "Where do we go this summer?",
            "Do we get a dog this year?",
            "How much do we save each month?",
        ],
    ),
    (
        "deciding-together",
        "matters",
        &[
            "What matters to me is time to rest, not a busy trip.",
            "What matters to me is that we can afford it without worry.",
        ],
    ),
    (
        "deciding-together",
        "live-with",
        &[
            "I could live with a shorter trip. I could not live with a week of driving.",
            "I could live with waiting a year. I could not live with deciding it in a rush.",
        ],
    ),
    (
        "deciding-together",
        "heard",
        &[
            "What matters to you is rest, and you could live with a shorter trip.",
            "What matters to you is money worries staying away.",
        ],
    ),
    (
        "deciding-together",
        "choice",
        &[
            "A week by the sea in July, no long drives.",
            "We wait until spring and save for it first.",
        ],
    ),
    (
        "deciding-together",
        "look-again",
        &[
            "We will look again at the end of August.",
            "We will look again at the first check-in in March.",
        ],
    ),
    (
        "mine-yours-ours",
        "support",
        &[
            "It would help if you asked me about my course now and then.",
            "It would help if Saturday mornings stayed free for my running.",
        ],
    ),
    (
        "mine-yours-ours",
        "heard",
        &[
            "Your goals are the course and a new job, and it helps when I ask about them.",
            "Your goal is the half marathon, and Saturday mornings matter for it.",
        ],
    ),
    (
        "when-it-gets-too-heated",
        "signs",
        &[
            "I notice I talk faster and stop hearing the words.",
            "My chest goes tight and I want to win.",
        ],
    ),
    (
        "when-it-gets-too-heated",
        "signal",
        &[
            "I would say \"Time out, I'll be back.\"",
            "I would raise a hand and say \"Pause, please.\"",
        ],
    ),
    (
        "when-it-gets-too-heated",
        "waiting",
        &[
            "What is hard is not knowing if you are still upset with me.",
            "What is hard is sitting still while it is not settled.",
        ],
    ),
    (
        "when-it-gets-too-heated",
        "heard",
        &[
            "Your signal is \"Time out\", and the waiting is hard when you do not know how I feel.",
            "Your signal is a raised hand, and sitting still is hard for you.",
        ],
    ),
    (
        "when-it-gets-too-heated",
        "plan",
        &[
            "When one of us says \"Time out\" we stop for twenty minutes, and then the one who asked starts again.",
            "When one of us raises a hand we stop for half an hour, then we sit down and each says one thing we heard.",
        ],
    ),
    (
        "what-i-value-in-you",
        "own-self",
        &[
            "I admire how you stand up for people at work.",
            "I admire how patient you are with your little brother.",
        ],
    ),
    (
        "what-i-value-in-you",
        "like-to-hear",
        &[
            "I would like you to notice when I cook something new.",
            "I would like you to notice how hard I am working on my course.",
        ],
    ),
    (
        "what-i-value-in-you",
        "heard",
        &[
            "What meant the most was that you noticed the birthday card.",
            "What meant the most was hearing you admire my patience.",
        ],
    ),
    (
        "what-i-value-in-you",
        "keep-noticing",
        &[
            "We will each say one thing we noticed at dinner on Fridays.",
            "We will leave each other a note once a week.",
        ],
    ),
    (
        "an-agreement",
        "wish",
        &[
            "I would like us to keep Sunday mornings free of plans.",
            "I would like us to ask each other before inviting family over.",
        ],
    ),
    (
        "an-agreement",
        "why",
        &[
            "It matters to me because it is the only slow time we have together.",
            "It matters to me because I need a day to get ready for visitors.",
        ],
    ),
    (
        "an-agreement",
        "keep",
        &[
            "It would help if we said no to Sunday plans straight away, together.",
            "It would help if we kept a note on the fridge of who is coming when.",
        ],
    ),
    (
        "an-agreement",
        "heard",
        &[
            "You would like Sunday mornings free because it is our slow time.",
            "You would like to be asked first because you need time to get ready.",
        ],
    ),
    (
        "after-a-conflict",
        "side",
        &[
            "We argued about money for the holiday and both got loud.",
            "I felt the plans for Christmas were made without me, and I snapped.",
            "You were late again and I said something sharp in front of your friends.",
        ],
    ),
    (
        "after-a-conflict",
        "felt",
        &[
            "Hurt at first, then angry, then mostly tired.",
            "Embarrassed, and afraid we would not find our way back.",
            "I felt small, and I wanted to leave the room.",
        ],
    ),
    (
        "after-a-conflict",
        "help-now",
        &[
            "A hug and a 'let's start again' would help now.",
            "It would help if we sat down with the budget together this weekend.",
            "It would help if you told me you see why it mattered to me.",
        ],
    ),
    (
        "after-a-conflict",
        "next-time",
        &[
            "Next time I will ask for a break before I raise my voice.",
            "Next time I will say 'I need ten minutes' and come back.",
            "Next time I will tell you what I need before I get angry.",
        ],
    ),
    (
        "after-a-conflict",
        "heard",
        &[
            "From your side, the plans felt decided without you, and you needed to be asked.",
            "You felt unheard about the budget, and you needed us to plan together.",
            "You were embarrassed in front of your friends, and you needed me to stay calm.",
        ],
    ),
    (
        "after-a-conflict",
        "plan",
        &[
            "Next time we will take a ten-minute break when one of us asks, then try again.",
            "We will talk about money on a calm Sunday, not in the middle of a busy evening.",
        ],
    ),
    (
        "boundary-map",
        "area",
        &[
            "When plans for the weekend get made before we have talked.",
            "When I come home tired and the questions start straight away.",
            "When my phone is picked up and read without asking.",
        ],
    ),
    (
        "boundary-map",
        "feeling",
        &[
            "I feel a bit left out, and then I go quiet.",
            "I feel crowded, and I answer more sharply than I mean to.",
            "I feel my privacy is not mine any more.",
        ],
    ),
    (
        "boundary-map",
        "ask",
        &[
            "I would like us to check with each other before we say yes to plans.",
            "Twenty quiet minutes after work would help me a lot.",
            "I would like you to ask before you use my phone.",
        ],
    ),
    (
        "boundary-map",
        "will-do",
        &[
            "I will say so kindly when it happens, instead of sulking.",
            "I will take a walk when I need space, and tell you when I am back.",
            "I will tell you when I need quiet, instead of hoping you notice.",
        ],
    ),
    (
        "boundary-map",
        "heard",
        &[
            "I hear that you want us to talk before we say yes to plans.",
            "I hear that you need a quiet start to the evening before we talk.",
            "I hear that your phone is yours, and you would like me to ask.",
        ],
    ),
    (
        "boundary-map",
        "notes",
        &[
            "We noticed that we both want more rest, just at different times.",
            "We both marked free time; we had not realised it mattered to the other too.",
        ],
    ),
    (
        "i-statements",
        "as-said",
        &[
            "You never do the dishes.",
            "You always make the plans without me.",
            "You are on your phone all evening.",
        ],
    ),
    (
        "i-statements",
        "observation",
        &[
            "The dishes were still in the sink when I got up this morning.",
            "On Friday the dinner with your parents was already arranged when I heard of it.",
            "Last night you were on your phone while I was telling you about work.",
        ],
    ),
    (
        "i-statements",
        "feeling",
        &[
            "I felt tired and a little taken for granted.",
            "I felt left out.",
            "I felt lonely, and a bit silly for minding.",
        ],
    ),
    (
        "i-statements",
        "need",
        &[
            "because I need to feel that the load at home is shared.",
            "because I need to have a say in how we spend our weekends.",
            "because I need to feel listened to when I talk about my day.",
        ],
    ),
    (
        "i-statements",
        "request",
        &[
            "Would you be willing to do the dishes on weekday evenings?",
            "Would you be willing to check with me before saying yes to family plans?",
            "Would you be willing to leave the phone aside for the first half hour after dinner?",
        ],
    ),
    (
        "i-statements",
        "heard",
        &[
            "I heard that you feel taken for granted when the dishes are left, and you need us to share the load.",
            "I heard that you felt left out of the Friday plans and want to be asked first.",
            "I heard that you feel alone when I am on my phone while you talk.",
        ],
    ),
    (
        "i-statements",
        "difference",
        &[
            "It was easier to listen when it did not start with 'you always'.",
            "It was easier to say yes to a request than to defend myself against a complaint.",
        ],
    ),
    (
        "my-own-needs",
        "why",
        &[
            "When I think about it, I feel selfish, and I put it off until next week.",
            "When I think about it, I worry that something at home will go undone.",
            "When I think about it, I wait to be sure it suits everyone else first.",
        ],
    ),
    (
        "my-own-needs",
        "myself",
        &[
            "On Sunday afternoon I will get back to drawing, for two hours.",
            "On Thursday I will go to bed at ten and leave the phone in the kitchen.",
            "On Saturday morning I will go for a run on my own.",
        ],
    ),
    (
        "my-own-needs",
        "support",
        &[
            "It would help me if you took the children on Saturday morning.",
            "It would help me if you reminded me, kindly, when I start saying yes to everything.",
            "It would help me if you asked how the drawing is going.",
        ],
    ),
    (
        "my-own-needs",
        "plan",
        &[
            "This week Maya draws on Sunday and Jonas plays football; we cheer each other on at dinner.",
            "This week we each keep one evening for ourselves and ask about it afterwards.",
        ],
    ),
    (
        "needs-inventory",
        "focus",
        &[
            "The need I want to work on is rest.",
            "The need I want to work on is time with my own friends.",
            "The need I want to work on is feeling listened to.",
        ],
    ),
    (
        "needs-inventory",
        "own-part",
        &[
            "I can go to bed earlier and say no to the late calls.",
            "I can make the plans with my friends myself instead of waiting.",
            "I can say when I need to be listened to, instead of hoping.",
        ],
    ),
    (
        "needs-inventory",
        "request",
        &[
            "Would you be willing to take over the mornings twice a week?",
            "Would you be willing to keep one evening a week free for my friends?",
            "Would you be willing to put the phone away when I tell you about my day?",
        ],
    ),
    (
        "needs-inventory",
        "heard",
        &[
            "You would like me to take the mornings twice a week, and I can say yes to Tuesdays and Fridays.",
            "You would like more time with your friends without feeling guilty, and I can say yes.",
            "You would like my full attention when you talk about your day, and I can do that after dinner.",
        ],
    ),
    (
        "needs-inventory",
        "notes",
        &[
            "We noticed that rest is important to both of us and met for neither.",
            "We both rated time with friends as poorly met; we can change that.",
        ],
    ),
    (
        "reflection",
        "need-or-want",
        &[
            "When I ask myself, I notice I am scared of being on my own, and that I also simply like being with you.",
            "When I ask myself, I want you; I would be all right alone, just less happy.",
            "When I ask myself, I find that I lean on you for my mood more than I would like.",
        ],
    ),
    (
        "reflection",
        "grow",
        &[
            "I would like to grow in saying what I need, earlier.",
            "I would like to spend an evening apart without worrying; a first step is one evening this month.",
            "I would like to grow in saying no; a first step is not answering straight away.",
        ],
    ),
    (
        "reflection",
        "noticed",
        &[
            "We noticed we both take care of the other's mood first. We will ask 'and what do you need?'",
            "We noticed we are better at time apart than a year ago.",
        ],
    ),
    (
        "saying-no",
        "recent",
        &[
            "Last week, when you asked me to come to the dinner with your colleagues, I said yes and sat there exhausted.",
            "Last week, when you wanted to watch the film, I said yes and really wanted to read.",
            "Last week, when you asked me to drive your sister, I said yes and missed my class.",
        ],
    ),
    (
        "saying-no",
        "afraid",
        &[
            "I was afraid that you would be disappointed in me.",
            "I was afraid that you would think I do not care.",
            "I was afraid that it would start an argument.",
        ],
    ),
    (
        "saying-no",
        "kind-no",
        &[
            "Thanks for asking, but not this time; I need the evening for myself.",
            "Thanks for asking. Not tonight, but I would love to on Saturday.",
            "Thanks for asking. I can't this time; I have my class.",
        ],
    ),
    (
        "saying-no",
        "practice",
        &[
            "It went better than I expected, and it was still a bit scary.",
            "It felt strange to be thanked for a no, and also good.",
        ],
    ),
    (
        "speaker-listener",
        "prepare",
        &[
            "I want them to understand that the money worries are not about blame.",
            "I want them to understand how tired I am in the evenings.",
            "I want them to understand that my friends are not a threat to us.",
        ],
    ),
    (
        "speaker-listener",
        "speak-1",
        &[
            "For me, the budget is about feeling safe, not about what you spend.",
            "For me, evenings are the only time I have to catch my breath.",
        ],
    ),
    (
        "speaker-listener",
        "paraphrase-1",
        &[
            "I heard that the budget is about feeling safe for you, not about blaming me.",
            "I heard that evenings are when you feel most stretched.",
        ],
    ),
    (
        "speaker-listener",
        "correct-1",
        &[
            "What I also mean is that I want us to decide together.",
            "Nothing to add; that was it.",
        ],
    ),
    (
        "speaker-listener",
        "speak-2",
        &[
            "For me, seeing my friends keeps me myself, and I come back happier.",
            "For me, it is hard when the plans change at the last minute.",
        ],
    ),
    (
        "speaker-listener",
        "paraphrase-2",
        &[
            "I heard that time with your friends keeps you yourself, and it is not time away from us.",
            "I heard that last-minute changes leave you unsettled.",
        ],
    ),
    (
        "speaker-listener",
        "correct-2",
        &[
            "What I also mean is that I miss you too when I am out.",
            "Nothing to add; you heard me.",
        ],
    ),
    (
        "speaker-listener",
        "understood",
        &[
            "We understand that we both want to feel safe, in different ways.",
            "We understand that evenings are hard for one of us and precious for the other.",
        ],
    ),
    (
        "time-together-apart",
        "let-slip",
        &[
            "I used to play football on Sundays and I miss it.",
            "I used to draw every weekend.",
            "I used to see my sister once a month on my own.",
        ],
    ),
    (
        "time-together-apart",
        "reconnect",
        &[
            "It helps when we take a long walk together on Saturday morning.",
            "It helps when we cook together and tell each other about our day.",
            "It helps when you ask about what I did, and really listen.",
        ],
    ),
    (
        "time-together-apart",
        "week",
        &[
            "On weekdays we keep Wednesday for the two of us; at weekends each of us has a morning of our own.",
            "On weekdays one evening each with friends; at weekends a long walk together.",
        ],
    ),
    (
        "weekly-check-in",
        "work-on",
        &[
            "This week I would like to go to bed earlier.",
            "This week I would like to say what I need before I get grumpy.",
            "This week I would like to call my mum without feeling rushed.",
            "This week I would like to keep Sunday afternoon for drawing.",
            "This week I would like to leave work at work.",
        ],
    ),
    (
        "weekly-check-in",
        "focus",
        &[
            "This week we will keep Wednesday evening for ourselves, no screens.",
            "This week we will plan the weekend together on Thursday.",
            "This week we will take one walk together and one evening apart.",
            "This week we will say thank you for the small things.",
        ],
    ),
];

/// What a partner says when there are no answers of its own for a step
/// (an exercise of the couple's own, for example).
pub const SENTENCES: &[&str] = &[
    "I have been thinking about this for a while.",
    "It is easier to say it written down.",
    "I am not sure yet; I would like to talk about it.",
];

/// What a partner appreciated this week.
pub const APPRECIATIONS: &[&str] = &[
    "The coffee you brought me on Tuesday",
    "That you listened when work was hard",
    "Dinner on Tuesday",
    "The walk by the river",
    "That you fixed my bike",
    "Calling my mum with me",
    "That you planned the trip",
    "Taking the kids to school on Friday",
    "Laughing together at the film",
];

/// The answers written for a step of a built-in exercise.
pub fn answers_for(exercise: &str, step: &str) -> &'static [&'static str] {
    ANSWERS
        .iter()
        .find(|(e, s, _)| *e == exercise && *s == step)
        .map_or(SENTENCES, |(_, _, answers)| answers)
}

pub const AGREEMENTS: &[&str] = &[
    "We check with each other before saying yes to weekend plans.",
    "Twenty quiet minutes after work, then we talk.",
    "Phones stay in the kitchen at dinner.",
    "Wednesday evenings are for the two of us.",
    "Each of us has one evening a week of our own.",
    "We split the chores between Saturday and Wednesday.",
    "When one of us asks for a break, we come back within an hour.",
    "We plan the monthly budget together on the first Sunday.",
    "We each see our own friends at least twice a month.",
    "We say thank you for the small things.",
];

/// Items for list steps that are not appreciations.
const LIST_ITEMS: &[(&str, &str, &[&str])] = &[
    (
        "who-i-am-outside-us",
        "mine",
        &[
            "Choir on Tuesdays",
            "Long walks alone",
            "Old films",
            "Baking bread",
        ],
    ),
    (
        "who-i-am-outside-us",
        "people",
        &[
            "My sister",
            "Jo from work",
            "My climbing friends",
            "A counsellor I saw last year",
        ],
    ),
    (
        "deciding-together",
        "options",
        &[
            "A week by the sea",
            "A city trip",
            "Staying home and resting",
            "Visiting family",
        ],
    ),
    (
        "mine-yours-ours",
        "mine",
        &[
            "Finish my course",
            "Run a half marathon",
            "Learn to cook three new dishes",
            "See my friends more",
        ],
    ),
    (
        "mine-yours-ours",
        "ours",
        &[
            "Save for a trip",
            "A free evening each week",
            "Paint the bedroom",
            "Walk together on Sundays",
        ],
    ),
    (
        "mine-yours-ours",
        "plan",
        &[
            "Alex: course, sign up by Friday",
            "Sam: half marathon, run twice this week",
            "Us: trip, open a savings pot",
        ],
    ),
    (
        "what-i-value-in-you",
        "noticed",
        &[
            "When you made dinner on my long day, it meant I could breathe",
            "When you listened without fixing, it meant a lot",
            "When you remembered my sister's birthday, I felt looked after",
        ],
    ),
];

/// The items a list step of an exercise is answered with, when it has
/// its own.
pub fn list_items_for(exercise: &str, step: &str) -> Option<&'static [&'static str]> {
    LIST_ITEMS
        .iter()
        .find(|(e, s, _)| *e == exercise && *s == step)
        .map(|(_, _, items)| *items)
}
