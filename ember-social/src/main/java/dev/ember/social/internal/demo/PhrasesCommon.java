package dev.ember.social.internal.demo;

/**
 * The slot values shared by the languages that write names in Latin letters, and the emoji of each
 * topic; read by {@link Phrasebook}, whose comment describes the format. All names of people are
 * public sports figures, used only in neutral match talk.
 */
final class PhrasesCommon {
    private PhrasesCommon() {}

    static final String TEXT =
            """
            list player Haaland|Mbappé|Vinícius|Bellingham|Lamine Yamal|Salah|Kane|Saka|Pedri|Lewandowski|Musiala|Wirtz|Lautaro|Griezmann|Foden|Rodri|Ronaldo|Osimhen|Ødegaard|Valverde|Palmer|Gyökeres|Olise|Raphinha
            list club Barça|Real Madrid|Man City|Arsenal|Liverpool|PSG|Bayern|Juventus|Inter|Milan|Napoli|Atlético|Dortmund|Benfica|Porto|Flamengo|Palmeiras|Boca|River|Ajax|Chelsea|Man United|Tottenham|Roma|Sporting
            list score 1-0|2-0|2-1|3-1|3-2|1-1|0-0|4-2|2-2|3-0|4-1|5-2|4-3|1-2|0-1
            list minute 89'|90+2'|90+4'|93'|88'|71'|45+1'|12'|54'|67'|81'|3'|38'|90+6'|119'
            list nbateam Lakers|Celtics|Warriors|Knicks|Nuggets|Bucks|Heat|Mavs|Thunder|Spurs|Suns|Sixers|Timberwolves|Pacers|Cavs|Rockets
            list nbastar LeBron|Curry|Jokić|Wembanyama|Giannis|Luka|Tatum|Shai|Edwards|Brunson|Durant|Embiid
            list tennisplayer Alcaraz|Sinner|Djokovic|Zverev|Medvedev|Rune|Świątek|Sabalenka|Gauff|Rybakina|Pegula|Paolini|Fritz|Draper|Andreeva|Mensik
            list slam Wimbledon|Roland-Garros|US Open|Australian Open|Indian Wells|Madrid|Miami
            list driver Verstappen|Hamilton|Leclerc|Norris|Piastri|Russell|Alonso|Sainz|Antonelli|Gasly|Albon|Bearman|Hadjar
            list f1team Ferrari|McLaren|Red Bull|Mercedes|Aston Martin|Williams|Alpine|Sauber
            list gp Monaco|Silverstone|Monza|Suzuka|Interlagos|Spa|Zandvoort|Las Vegas|Singapore|Imola|Austin|Montréal|Baku
            list cricketer Kohli|Bumrah|Rohit|Gill|Jaiswal|Pant|Root|Stokes|Cummins|Smith|Babar|Rashid|Head|Starc|Jadeja
            list cricketteam India|Australia|England|Pakistan|South Africa|New Zealand|Sri Lanka|Afghanistan|West Indies|Bangladesh
            list iplteam CSK|RCB|Mumbai Indians|KKR|Sunrisers|Rajasthan Royals|Delhi Capitals|Punjab Kings|Gujarat Titans|Lucknow
            list rider Pogačar|Vingegaard|Evenepoel|Roglič|van der Poel|van Aert|Pidcock|Ayuso|Del Toro
            list band The Paper Lanterns|Midnight Ferns|Static Orchard|Velvet Harbour|Neon Marsh|The Quiet Pines|Lowtide|Glasshouse Radio|Copper Moth|Saturday Satellites
            list proglang Java|Rust|Go|Python|Kotlin|TypeScript|C|Zig|Haskell|SQL|Elixir|Scala
            list petname Miso|Biscuit|Luna|Olive|Mochi|Pepper|Nugget|Toast|Pickles|Maple|Otis|Bean|Pixel|Waffles|Simba|Kiwi
            list handleword fc|runs|cafe|dev|music|photos|writes|daily|travels|cooks|films|plays|draws|reads|bakes|codes|lab|studio|fan|tifo|live|sport|games|notes|garden|kitchen|talks|wanders|ultras|nerd

            emoji messi 🐐 ⚽ 🔥 👑 🇦🇷 ✨ 😭 🙌 💫 🩷
            emoji football ⚽ 🔥 😱 👏 🙌 💪 😤 🥅 😭 🤯
            emoji politics 🗳️ 🏛️ 📊 🤔 📢 ✅ 📰
            emoji nba 🏀 🔥 😤 💪 👀 🤯
            emoji tennis 🎾 🔥 😮 👏 🏆 💪
            emoji f1 🏎️ 🏁 🔥 😬 🏆 ⏱️
            emoji cricket 🏏 🔥 👏 🏆 💪 🙌
            emoji cycling 🚴 ⛰️ 🔥 💛 👏 🏁
            emoji coffee ☕ 😌 ✨ 🥐 💛 😴
            emoji weather 🌧️ ☀️ 🥵 ❄️ ⛈️ 🌈 🌬️
            emoji music 🎶 🎧 🎸 🔊 💿 🎤
            emoji movies 🎬 🍿 😱 😭 🎞️ 👀
            emoji food 🍜 🌮 🍕 🍣 😋 🔥 🥘
            emoji tech 💻 ⌨️ 🐛 🚀 😅 🎮
            emoji pets 🐱 🐶 🐾 💕 😻 🥺
            emoji daily ☕ 😴 🙃 💪 ✨ 😅 🌅
            """;
}
