//! The fictional couple's words: short, ordinary sentences to fill a demo
//! journal with something that reads like a real one.

pub const NAMES: [&str; 2] = ["Maya", "Jonas"];

/// What the couple writes, step by step: each text step of each built-in
/// exercise has its own few answers, so a demo page reads like one.
pub const ANSWERS: &[(&str, &str, &[&str])] = &[
    (
        "a-fair-share",
        "unseen",
        &[
            "Without anyone seeing, I keep the shopping list in my head and notice when we are low on things.",
            "Without anyone seeing, I keep track of when the car, the boiler and the insurance are due.",
            "Without anyone seeing, I remember every birthday on both sides of the family.",
        ],
    ),
    (
        "a-fair-share",
        "hold-on",
        &[
            "I find it hard to let go of the laundry, because I like it done my way.",
            "I find it hard to let go of paying the bills. I worry something will be missed.",
            "I find it hard to let go of planning meals, even though it tires me.",
        ],
    ),
    (
        "a-fair-share",
        "fairer",
        &[
            "It would feel fairer if I did not have to ask for help with the things I noticed first.",
            "It would feel fairer if the paperwork were not always mine.",
            "It would feel fairer if we both knew what was in the fridge.",
        ],
    ),
    (
        "a-fair-share",
        "hand-over",
        &[
            "The task is planning meals. I would like Jonas to own it, from the list to the shopping to the cooking, on weekdays.",
            "The task is booking appointments. I would like Maya to own the dentist and the doctor for both of us.",
        ],
    ),
    (
        "a-fair-share",
        "heard",
        &[
            "Without me seeing, you keep the shopping list in your head, and it would feel fairer if I noticed things too.",
            "Without me seeing, you track the car and the insurance, and you would like me to take the paperwork.",
        ],
    ),
    (
        "a-fair-share",
        "agreement",
        &[
            "From now on Jonas owns weekday meals, from planning to cooking. We will look again at the end of the month.",
            "From now on Maya owns appointments and Jonas owns the bills. We will look again at the next check-in.",
        ],
    ),
    (
        "behind-my-position",
        "topic",
        &[
            "Where we spend the holidays.",
            "Whether we move out of the city.",
            "How tidy the flat should be.",
        ],
    ),
    (
        "behind-my-position",
        "position",
        &[
            "I would like us to spend Christmas with my family every year.",
            "I would like us to move somewhere with a garden, outside the city.",
            "I would like us to stay in the city, close to work and friends.",
        ],
    ),
    (
        "behind-my-position",
        "story",
        &[
            "Christmas was the one time my whole family was calm together. I want our children to have that.",
            "I grew up in a small flat with no space to be alone. A garden means room to breathe.",
            "When I moved here I finally felt at home. I am afraid of being lonely somewhere new.",
        ],
    ),
    (
        "behind-my-position",
        "bend",
        &[
            "I could be flexible about which days. What is core to me is some of Christmas with my family.",
            "I could be flexible about how far out we go. What is core to me is some green space that is ours.",
        ],
    ),
    (
        "behind-my-position",
        "understand",
        &[
            "I would like to understand what a garden would change for you day to day.",
            "I would like to understand why Christmas with my family feels so hard for you.",
        ],
    ),
    (
        "behind-my-position",
        "heard",
        &[
            "You would like Christmas with your family, because it was the calm time of your childhood, and some of it is core to you.",
            "You would like a garden because you never had space of your own, and green space is the part you cannot give up.",
        ],
    ),
    (
        "behind-my-position",
        "honour",
        &[
            "We can both honour a calm Christmas, and some days of it that are just ours.",
            "We can both honour Jonas's need for friends nearby and Maya's need for green space.",
        ],
    ),
    (
        "behind-my-position",
        "first-step",
        &[
            "This year we spend Christmas Eve with Maya's family and Christmas Day at home.",
            "For the next three months, we look at flats near a park, still in the city.",
        ],
    ),
    (
        "family-and-friends",
        "matters",
        &[
            "It is my sister, because she knew me before anyone else did.",
            "It is my old friend Tom, because he is the one I can be silly with.",
            "It is my mum, because she is on her own now and we talk every Sunday.",
        ],
    ),
    (
        "family-and-friends",
        "own-time",
        &[
            "I would like to see my sister more, just the two of us, for coffee.",
            "I would like to see my football friends more, without it being a couples evening.",
        ],
    ),
    (
        "family-and-friends",
        "caught",
        &[
            "I feel caught between my mum, who wants us every Sunday, and Jonas, who would like some Sundays free.",
            "I feel caught between what my parents expect at Christmas and what we want.",
            "I feel caught when my friends make jokes about Maya and I do not know what to say.",
        ],
    ),
    (
        "family-and-friends",
        "heard",
        &[
            "I hear that your sister matters most to you, and that you feel caught between your mum and me on Sundays.",
            "I hear that Tom matters to you, and that you feel caught between your parents and us at Christmas.",
        ],
    ),
    (
        "family-and-friends",
        "boundary",
        &[
            "We will visit Maya's mum two Sundays a month, and Maya will tell her herself.",
            "Family calls before coming round. Jonas will tell his parents and Maya will tell hers.",
        ],
    ),
    (
        "how-was-your-day",
        "weighing",
        &[
            "My manager moved the deadline up a week, and half the team is off sick.",
            "My dad had another fall on Sunday. He says he is fine, but I keep thinking about it.",
            "The flat above us is being rebuilt, and I have not slept well in days.",
        ],
    ),
    (
        "how-was-your-day",
        "feels",
        &[
            "Tired and a bit panicky, like I am always behind.",
            "Worried, and guilty that I live so far away from him.",
            "Grumpy. Everything feels harder when I am short of sleep.",
        ],
    ),
    (
        "how-was-your-day",
        "usually",
        &[
            "Usually Jonas starts telling me what to say to my manager before I have finished.",
            "Usually Maya listens, then asks if I have called my dad yet, and I feel told off.",
            "Usually we both end up on our phones before I have said much.",
        ],
    ),
    (
        "how-was-your-day",
        "own-limit",
        &[
            "I could say: I want to hear it, but give me half an hour to land first.",
            "I could say: I am tired tonight. Can we talk over breakfast instead?",
        ],
    ),
    (
        "how-was-your-day",
        "heard",
        &[
            "The deadline at work is weighing on you, and you would like me to just listen and be on your side.",
            "Your dad's fall is on your mind, and you would like a hug and some questions, not advice.",
        ],
    ),
    (
        "how-was-your-day",
        "plan",
        &[
            "Each evening after dinner we sit on the sofa for twenty minutes, phones in the kitchen, and take turns.",
            "We talk on our evening walk. The one listening asks \"Advice, or just listen?\" before saying anything.",
        ],
    ),
    (
        "money-and-us",
        "grew-up",
        &[
            "When I was growing up there was never quite enough, and my mum did all the worrying.",
            "When I was growing up money was never talked about. My dad paid for everything and we did not ask.",
            "When I was growing up my parents argued about money, so I learned to keep quiet about it.",
        ],
    ),
    (
        "money-and-us",
        "own-money",
        &[
            "I would like about 150 a month, to spend on books and coffee with friends.",
            "I would like a small share of each pay cheque, to save for a bike without asking.",
            "I would like enough for gifts, so a present for you is still a surprise.",
        ],
    ),
    (
        "money-and-us",
        "change",
        &[
            "I would like us to decide big buys together, and stop checking the small ones.",
            "I would like us to look at money once a month, calmly, instead of only when something goes wrong.",
            "I would like to feel free to help my mum a little without a long talk each time.",
        ],
    ),
    (
        "money-and-us",
        "heard",
        &[
            "For you, money means safety, because there was never enough when you were growing up, and you would like some of your own for books.",
            "For you, money means freedom, because it was never talked about at home, and you would like to save for a bike without asking.",
        ],
    ),
    (
        "money-and-us",
        "agreement",
        &[
            "We each keep 150 a month of our own, and talk about anything over 300 first.",
            "We sit down with the budget on the first Sunday of each month.",
        ],
    ),
    (
        "the-loop-we-get-into",
        "starts",
        &[
            "It starts when Jonas goes quiet at dinner and I ask what is wrong.",
            "It starts when Maya asks \"Can we talk?\" late in the evening and I am already tired.",
            "It starts when one of us comes home in a bad mood and the other notices.",
        ],
    ),
    (
        "the-loop-we-get-into",
        "under",
        &[
            "Underneath, I feel alone, as if you have gone somewhere I cannot reach.",
            "Underneath, I feel I am about to get it wrong again, so I go still.",
            "Underneath, I feel scared that we are drifting apart.",
        ],
    ),
    (
        "the-loop-we-get-into",
        "calm",
        &[
            "To calm myself, I can take a short walk round the block before I ask again.",
            "To calm myself, I can sit in the garden for ten minutes and breathe slowly.",
            "To calm myself, I can write down what I want to say, then wait an hour.",
        ],
    ),
    (
        "the-loop-we-get-into",
        "help",
        &[
            "It would help me if you told me when you will come back to the talk.",
            "It would help me if you gave me a few minutes before we talk, and did not follow me out of the room.",
            "It would help me if you put a hand on my arm, even when you need quiet.",
        ],
    ),
    (
        "the-loop-we-get-into",
        "heard",
        &[
            "Under your move you feel alone, you are afraid of not mattering to me, and it helps when I say when I will come back.",
            "Under your silence you feel you will fail me, and it helps when I give you a few minutes first.",
        ],
    ),
    (
        "the-loop-we-get-into",
        "spot",
        &[
            "We will know it has started when one of us says \"We're in the loop.\"",
            "We will know it has started when Maya asks twice and Jonas leaves the room.",
        ],
    ),
    (
        "the-loop-we-get-into",
        "step-out",
        &[
            "Maya takes a short walk before asking again; Jonas says \"Give me twenty minutes\" and comes back.",
            "When we spot it, we stop, hold hands for a minute, and try again after tea.",
        ],
    ),
    (
        "your-world-now",
        "worry",
        &[
            "Right now I worry about my dad living on his own.",
            "Right now I worry about the new team at work, and whether I fit in.",
            "Right now I worry about money for the car repair.",
        ],
    ),
    (
        "your-world-now",
        "looking-forward",
        &[
            "I am looking forward to the concert in May.",
            "I am looking forward to a long weekend with nothing planned.",
            "I am looking forward to my sister's visit next month.",
        ],
    ),
    (
        "your-world-now",
        "friend",
        &[
            "Right now it is Lena, because she is going through a divorce and we talk most evenings.",
            "Right now it is Tom from football, because he makes me laugh when work is heavy.",
        ],
    ),
    (
        "your-world-now",
        "plan",
        &[
            "This year I hope to finish my evening course.",
            "This year I hope to run ten kilometres without stopping.",
            "This year I hope to learn to make proper bread.",
        ],
    ),
    (
        "your-world-now",
        "enjoying",
        &[
            "Lately I have been enjoying the radio in the morning before anyone is up.",
            "Lately I have been enjoying cycling to work.",
            "Lately I have been enjoying an old detective show.",
        ],
    ),
    (
        "your-world-now",
        "guess-worry",
        &[
            "I think you worry about work, and the new team.",
            "I think you worry about your dad.",
            "I think you worry about money this month.",
        ],
    ),
    (
        "your-world-now",
        "guess-forward",
        &[
            "I think you look forward to the long weekend.",
            "I think you look forward to the concert.",
            "I think you look forward to your sister's visit.",
        ],
    ),
    (
        "your-world-now",
        "heard",
        &[
            "I did not know that Tom matters so much to you right now.",
            "I did not know that you are worried about fitting in with the new team.",
        ],
    ),
    (
        "your-world-now",
        "surprised",
        &[
            "We were surprised that we both guessed work. We want to ask more about Lena and about the course.",
            "We were surprised how much the bread plan meant. We want to ask more about the new team.",
        ],
    ),
    (
        "deciding-together",
        "own-decision",
        &[
            "I will decide on the evening class myself, by Friday.",
            "Whether to go to the reunion. I will choose by Sunday.",
            "Which bike to buy. I will look this week and pick one.",
        ],
    ),
    (
        "who-i-am-outside-us",
        "values",
        &[
            "Honesty, being outdoors, and making things with my hands.",
            "Kindness, and learning something new every year.",
            "Calm mornings, my friends, and doing work I am proud of.",
        ],
    ),
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
