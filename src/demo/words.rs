//! The fictional couple's words: short, ordinary sentences to fill a demo
//! journal with something that reads like a real one.

pub const NAMES: [&str; 2] = ["Maya", "Jonas"];

pub const SENTENCES: &[&str] = &[
    "When plans for the weekend get made before we have talked.",
    "I come home tired and the questions start straight away.",
    "I feel a bit left out, and then I go quiet.",
    "Honestly, I feel relieved and guilty at the same time.",
    "I would like us to check with each other before we say yes to plans.",
    "Twenty quiet minutes after work would help me a lot.",
    "I will say so kindly when it happens, instead of sulking.",
    "I will take a walk when I need space, and tell you when I am back.",
    "The dishes were still in the sink when I got up this morning.",
    "I felt tired and a little taken for granted.",
    "I need to feel that the load at home is shared.",
    "Would you be willing to do the dishes on weekday evenings?",
    "I heard that evenings are when you feel most stretched.",
    "You would like more time with your friends without feeling guilty.",
    "We noticed that we both want more rest, just at different times.",
    "It was easier to listen when it did not start with 'you always'.",
    "I used to play football on Sundays and I miss it.",
    "A long walk together on Saturday mornings helps me feel close again.",
    "I would like to see my sister once a month on my own.",
    "Thank you for the coffee you brought me on Tuesday.",
    "I appreciated that you listened when work was hard.",
    "We could keep Wednesday evenings for ourselves, no screens.",
    "I tend to say yes first and think later.",
    "I was afraid you would be disappointed in me.",
    "Thanks for asking, but not this time; I need the evening for myself.",
    "It went better than I expected, and it was still a bit scary.",
    "I want to get back to drawing on Sunday afternoons.",
    "Sleep earlier, and leave the phone in the kitchen.",
    "More walks, fewer errands on Saturday.",
    "We argued about money for the holiday and both got loud.",
    "I needed to feel that my worries were taken seriously.",
    "A hug and a 'let's start again' would help now.",
    "Next time I will ask for a break before I raise my voice.",
    "You felt unheard about the budget, and you needed us to plan together.",
    "I can spend an evening apart without worrying now.",
    "I would like to grow in saying what I need, earlier.",
];

pub const ITEMS: &[&str] = &[
    "Dinner on Tuesday",
    "The walk by the river",
    "Fixing the bike",
    "Calling my mum",
    "Coffee in bed",
    "Listening after a hard day",
    "Planning the trip",
    "Taking the kids to school",
    "Laughing at the film",
];

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
