package dev.ember.social.internal.demo;

/** English posts; read by {@link Phrasebook}, whose comment describes the format. */
final class PhrasesEn {
    private PhrasesEn() {}

    static final String TEXT =
            """
            list messi Messi|Messi|Messi|Messi|Messi|Leo Messi|Lionel Messi|messi|MESSI
            list name alex|sam|jordan|taylor|chris|maya|liam|emma|noah|olivia|jack|grace|ben|ella|zoe|ryan|kate|dan|amy|tom|lucy|matt|sara|josh|nina|mike|jess|owen|ruby|theo
            list when tonight|this morning|today|last night|this afternoon|this weekend
            list adj unreal|ridiculous|absurd|outrageous|beautiful|filthy|sublime|silly|lovely|clinical
            list comp Champions League|Premier League|La Liga|Serie A|Bundesliga|World Cup|Copa América|Club World Cup
            list slam Wimbledon|Roland-Garros|the US Open|the Australian Open|Indian Wells|the Madrid Open|the Miami Open
            list drink flat white|cortado|oat latte|double espresso|cold brew|cappuccino|filter coffee|matcha latte|iced americano|masala chai
            list weather raining|hailing|foggy|snowing|blowing a gale|drizzling
            list genre horror film|rom-com|sci-fi film|documentary|thriller|heist movie|animated film|period drama|detective series
            list food ramen|tacos|pizza|pho|curry|lasagna|sushi|pancakes|dumplings|burritos|shakshuka|pad thai|banana bread|mac and cheese|biryani
            list gadget phone|laptop|headphones|smartwatch|keyboard|router|e-reader|tablet|smart speaker
            list pet cat|dog|puppy|kitten|rescue cat|senior dog

            @messi
            What a night for {tag}! {messi} was everywhere {emo}
            {messi} again. Free kick, top corner, the keeper didn't even move {emo} {tags}
            Watching {messi} live is a different sport {emo} {tags}
            {messi} with {num:2-3} assists {when}. Still the best passer on the planet {tags}
            Not a football person but I stayed up to watch {messi} and now I get it {emo} {tags}
            That {messi} dribble past three defenders deserves its own documentary {emo} {tags}
            Every time {messi} touches the ball the whole stadium stands up {tags}
            My kid only wants the #10 shirt, the {messi} one {emo} {tags}
            {tag} trending again and honestly deserved, {messi} was everywhere {when} {emo}
            Inter Miami {score}, {messi} scores at {minute} {emo} {tags}
            {messi} vs {player} debate again? Just enjoy both while you can {tags}
            Rewatching old {messi} highlights at 2am instead of sleeping {emo} {tags}
            Whatever happens {when}, {messi} has nothing left to prove {emo} {tags}
            Ticket prices for the {messi} game are wild lol {tags}
            {messi}, left foot, {num:25-30} yards, bottom corner. Unreal {emo} {tags}
            Grandma asked who {messi} is. Showed her one clip, she's a fan now {emo} {tags}

            @football
            Big night for {tag}, big night for {club} fans {emo}
            {player} with a {adj} finish at {minute} {emo} {tags}
            {club} {score} {club2}. What a game {emo} {tags}
            Can't believe {club} bottled it again. {score} at home {emo} {tags}
            {player} is the best in the world right now and it isn't close {tags}
            Matchday! {club} vs {club2} {when}, who's watching? {emo} {tags}
            That VAR check took six minutes. Six {emo} {tags}
            {tag} is the only thing keeping me going this week {emo}
            Highlights of {club} {score} {club2} at example.com/#goals if you missed it {tags}
            Transfer rumour: {player} to {club}? I'll believe it when I see the medical {tags}
            Nothing beats {comp} nights {emo} {tags}
            Still thinking about {player}'s goal from {when} {emo} {tags}
            {club} fans, how are we feeling after that result? {emo} {tags}
            Fantasy team update: captained {player}, got {num:2-3} points. Classic {emo} {tags}
            Sunday league update: lost {score}, but I hit the crossbar once {emo} {tags}

            @politics
            Polling stations are open until 8pm. Bring your ID and go vote! {emo} {tags}
            Watched the debate {when}. Lots on housing, not much on transit {tags}
            Budget vote in parliament {when}. Read the actual numbers before the hot takes {emo} {tags}
            Turnout at {num:38-71}% by midday, higher than last time {emo} {tags}
            City council approved the new bike lanes {num:5-9} to {num:2-4} {tags}
            Reminder: voter registration closes on Friday {emo} {tags}
            Whatever your side, the local library vote matters more than people think {tags}
            Election night snacks ready, first results from {num:9-11}pm {emo} {tags}
            {tag} coverage all day and I still don't understand the new tax bands {emo}
            Canvassers knocked on my door {when}. Polite and well informed {tags}

            @nba
            {nbastar} with {num:28-51} points {when}. Ridiculous {emo} {tags}
            {nbateam} {num:98-131}-{num:95-128} {nbateam2}, what a finish {emo} {tags}
            Game 7 energy and it's only the first round {emo} {tags}
            {nbastar} from the logo at the buzzer. I'm screaming {emo} {tags}
            Staying up till 3am for {nbateam} basketball again {emo} {tags}
            {tag} refs, please explain that foul call {emo}
            Fantasy basketball update: {nbastar} rested again. Of course {tags}

            @tennis
            {tennisplayer} saves {num:2-4} match points and wins it in a tiebreak {emo} {tags}
            What a match at {slam}. {tennisplayer} wins it after almost five hours {emo} {tags}
            {tennisplayer} into the quarterfinals. That backhand down the line though {emo} {tags}
            Rain delay at {slam} again, perfect time for a snack {emo} {tags}
            Tennis fans are not ready for {tennisplayer} on grass {emo} {tags}
            {tag} final {when}, who's your pick? {emo}

            @f1
            {driver} on pole at {gp}! {emo} {tags}
            That pit stop from {f1team} was a disaster. {num:6-11} seconds {emo} {tags}
            Lights out at {gp} in {num:10-50} minutes, snacks ready {emo} {tags}
            {driver} vs {driver2} for the win with {num:2-5} laps to go {emo} {tags}
            Strategy call of the year from {f1team}. Two stops and it worked {emo} {tags}
            {tag} qualifying was chaos, red flag after red flag {emo}

            @cricket
            {cricketer} scores {num:50-140} off {num:40-110} balls {emo} {tags}
            {cricketteam} need {num:8-40} off the last {num:2-4} overs. Nervous {emo} {tags}
            {iplteam} chase down {num:160-230} with {num:1-6} balls to spare {emo} {tags}
            {iplteam} fans, how are we feeling after that auction? {emo} {tags}
            What a spell from {cricketer}, {num:3-5} wickets {emo} {tags}
            Rain in the forecast for {cricketteam} vs {cricketteam2}, please hold off {emo} {tags}
            Super over! I can't watch {emo} {tags}
            {tag} is the only reason I'm awake right now {emo}

            @cycling
            {rider} attacks on the final climb and nobody can follow {emo} {tags}
            Stage {num:2-21} was pure chaos, crosswinds everywhere {emo} {tags}
            Watching the peloton ride past sunflower fields, best TV of the year {emo} {tags}
            {rider} keeps the leader's jersey for another day {emo} {tags}
            {tag} mountain stage {when}, coffee ready {emo}

            @coffee
            First {drink} of the day and I'm finally a person {emo} {tags}
            New café on my street does a great {drink}. Dangerous {emo} {tags}
            Coffee number {num:3-5} and it's not even noon {emo} {tags}
            Spilled my {drink} on the keyboard. Great start {emo} {tags}
            Tried making a {drink} at home, it tastes like regret {emo} {tags}
            {tag} break, then back to work {emo}

            @weather
            {num:30-41}°C today and the office AC is broken {emo} {tags}
            Forgot my umbrella, obviously it's pouring now {emo} {tags}
            The forecast said sunshine. It is {weather} {emo} {tags}
            First snow of the year! Everything is so quiet {emo} {tags}
            Thunderstorm at 3am and the dog is under my bed {emo} {tags}
            Perfect {num:18-24}° morning, skipping the bus and walking {emo} {tags}

            @music
            {band} released a new album and it's perfect for rainy mornings {emo} {tags}
            On repeat all week: the new {band} single {emo} {tags}
            Saw {band} live {when}. My ears are ringing, no regrets {emo} {tags}
            Found my old vinyl collection, {num:3-9} hours gone {emo} {tags}
            Hot take: the second {band} album is their best {tags}
            {tag} {band}, turn it up {emo}

            @movies
            Watched a {genre} {when} and I'm still thinking about it {emo} {tags}
            Popcorn, blanket, {genre}. Perfect Sunday {emo} {tags}
            That ending was {adj}. No spoilers but wow {emo} {tags}
            Cinema was almost empty for the {num:21-23}:00 show, best seat in the house {emo} {tags}
            Three episodes in and I already care too much about these characters {emo} {tags}
            {tag} picks for the weekend? Need a good {genre} {emo}

            @food
            Made {food} from scratch and it actually worked {emo} {tags}
            Best {food} in town is a tiny place with {num:5-8} tables {emo} {tags}
            Lunch was {food}. Dinner will also be {food}. No notes {emo} {tags}
            Tried a new recipe {when}, the smoke alarm approved {emo} {tags}
            Is it too early for {food}? Asking for me {emo} {tags}
            {tag} spot of the week: the {food} place near the station {emo}

            @tech
            Spent {num:2-6} hours on a bug that was a missing semicolon {emo} {tags}
            Rewrote the parser in {proglang} over the weekend. It's faster and I'm tired {emo} {tags}
            My {gadget} updated overnight and now nothing works {emo} {tags}
            Finally moved our build off the old server. Green pipeline, first try {emo} {tags}
            Learning C# and F# at the same time was a choice {emo} {tags}
            Docs for the new release are up at example.com/#install {emo} {tags}
            {tag} tip: read the error message. All of it {emo}

            @pets
            {petname} knocked my coffee off the table and looked me in the eye {emo} {tags}
            Adopted a {pet} {when}. Meet {petname}! {emo} {tags}
            {petname} has claimed my chair. I live on the floor now {emo} {tags}
            The vet says {petname} is "a bit chunky". We are in denial {emo} {tags}
            The {pet} learned to open the fridge. Send help {emo} {tags}
            {tag} {petname} says hi {emo}

            @daily
            {tag}? Not today, thanks {emo}
            Monday again. Coffee number {num:2-4} and it's not even 10am {emo} {tags}
            Missed the bus by {num:5-40} seconds. Great start to the week {emo} {tags}
            Weekend plans: absolutely nothing, and I'm excited {emo} {tags}
            Alarm went off, I negotiated with it for {num:15-45} minutes {emo} {tags}
            Friday afternoon and my brain has left the building {emo} {tags}
            We're #1 at being late, apparently. Team meeting moved to 8am {emo} {tags}
            {tag} Got up early, went for a run, felt like a main character {emo}
            """;
}
