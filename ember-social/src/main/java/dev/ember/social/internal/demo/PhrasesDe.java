package dev.ember.social.internal.demo;

/** German posts; read by {@link Phrasebook}, whose comment describes the format. */
final class PhrasesDe {
    private PhrasesDe() {}

    static final String TEXT =
            """
            list messi Messi|Messi|Messi|Leo Messi|messi|MESSI|Lionel Messi
            list name lukas|anna|felix|lena|jonas|marie|paul|sophie|leon|mia|finn|hannah|max|lea|tim|laura|jan|nina
            list when heute Abend|heute Morgen|heute|gestern Abend|heute Nachmittag|am Wochenende
            list comp Champions-League|Bundesliga|WM|Pokal|Premier-League
            list slam Wimbledon|Paris|New York|Melbourne|Indian Wells
            list drink Cappuccino|Flat White|Espresso|Milchkaffee|Filterkaffee|Latte Macchiato
            list food Käsespätzle|Currywurst|Schnitzel|Döner|Flammkuchen|Kartoffelsalat|Maultaschen|Apfelstrudel
            list weather Es regnet|Es hagelt|Es schneit|Nebel überall|Es stürmt
            list genre Horrorfilm|Science-Fiction-Film|Dokumentarfilm|Krimi|Animationsfilm|Thriller
            list pet eine Katze|einen Hund|einen Welpen|ein Kätzchen

            @messi
            {messi} schon wieder. Freistoß in den Winkel, der Torwart hat sich nicht bewegt {emo} {tags}
            {messi} live zu sehen ist eine andere Sportart {emo} {tags}
            Was für ein Tor von {messi}! {minute} {emo} {tags}
            {messi} oder {player}? Genießt einfach beide, solange es geht {tags}
            Mein Sohn will nur das #10-Trikot von {messi} {emo} {tags}
            {tag} schon wieder im Trend, völlig verdient. {messi} war {when} überall {emo}
            Alte {messi} Highlights um 2 Uhr nachts statt schlafen {emo} {tags}
            Oma hat gefragt, wer {messi} ist. Ein Video, jetzt ist sie Fan {emo} {tags}

            @football
            Was für ein Tor von {player}! {minute} {emo} {tags}
            {club} {score} {club2}. Was für ein Spiel {emo} {tags}
            Spieltag! {club} gegen {club2} {when}, wer schaut? {emo} {tags}
            Sechs Minuten VAR-Check für ein Abseits. Sechs {emo} {tags}
            {tag} ist das Einzige, was mich diese Woche am Leben hält {emo}
            Nichts geht über {comp}-Abende {emo} {tags}
            Kreisliga-Update: {score} verloren, aber ich habe die Latte getroffen {emo} {tags}

            @politics
            Die Wahllokale haben bis 18 Uhr geöffnet. Ausweis nicht vergessen! {emo} {tags}
            Die Debatte {when} gesehen. Viel über Wohnen, wenig über Verkehr {tags}
            Haushaltsdebatte im Bundestag {when}. Erst die Zahlen lesen, dann meckern {emo} {tags}
            Wahlbeteiligung bei {num:40-72} % um 14 Uhr, mehr als letztes Mal {emo} {tags}
            {tag} den ganzen Tag im Fernsehen und ich verstehe die neuen Steuerstufen immer noch nicht {emo}

            @tennis
            {tennisplayer} wehrt {num:2-4} Matchbälle ab und gewinnt im Tiebreak {emo} {tags}
            Was für ein Match in {slam}: {tennisplayer} gewinnt nach fast fünf Stunden {emo} {tags}
            {tag} Finale {when}, wer gewinnt? {emo}

            @f1
            {driver} auf Pole in {gp}! {emo} {tags}
            Boxenstopp von {num:6-11} Sekunden bei {f1team}. Katastrophe {emo} {tags}
            {tag} Start in {gp} in {num:10-50} Minuten, Snacks sind bereit {emo}

            @cycling
            {rider} attackiert am letzten Anstieg und keiner kann folgen {emo} {tags}
            Etappe {num:2-21} mit Windkanten, reines Chaos {emo} {tags}
            {tag} Bergetappe {when}, Kaffee steht bereit {emo}

            @coffee
            Erster {drink} des Tages und ich bin wieder ein Mensch {emo} {tags}
            Neues Café in meiner Straße, der {drink} ist top. Gefährlich {emo} {tags}
            {tag} und zurück an die Arbeit {emo}

            @weather
            {num:33-39} Grad und die Klimaanlage im Büro ist kaputt {emo} {tags}
            Die Vorhersage sagte Sonne. {weather} {emo} {tags}
            {tag} Gewitter um 3 Uhr nachts, der Hund liegt unter meinem Bett {emo}

            @music
            Das neue Album von {band} ist perfekt für Regentage {emo} {tags}
            {band} {when} live gesehen. Ohren piepen, keine Reue {emo} {tags}
            {tag} {band} in voller Lautstärke {emo}

            @movies
            Habe {when} einen {genre} gesehen und denke immer noch darüber nach {emo} {tags}
            Popcorn, Decke, {genre}. Perfekter Sonntag {emo} {tags}
            {tag} Tipps fürs Wochenende? {emo}

            @food
            Heute gibt's {food}. Keine Diskussion {emo} {tags}
            Der beste Laden für {food} in der Stadt hat nur {num:5-8} Tische {emo} {tags}
            {tag} Sonntag, {food} mit der Familie {emo}

            @pets
            {petname} hat meinen Kaffee vom Tisch geschubst und mich dabei angeschaut {emo} {tags}
            Wir haben {pet} adoptiert. Darf ich vorstellen: {petname}! {emo} {tags}
            {tag} {petname} sagt hallo {emo}

            @daily
            Montag schon wieder. Zweiter Kaffee und es ist noch nicht mal 10 Uhr {emo} {tags}
            Bus um {num:5-40} Sekunden verpasst. Toller Wochenstart {emo} {tags}
            {tag} Endlich Feierabend. Sofa, ich komme {emo}
            """;
}
