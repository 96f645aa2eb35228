package dev.ember.social.internal.demo;

/** Italian posts; read by {@link Phrasebook}, whose comment describes the format. */
final class PhrasesIt {
    private PhrasesIt() {}

    static final String TEXT =
            """
            list messi Messi|Messi|Messi|Leo Messi|messi|MESSI|Lionel Messi
            list name giulia|marco|francesca|luca|chiara|matteo|sara|alessandro|martina|andrea|elena|davide|giorgia|simone|anna|federico
            list when stasera|stamattina|oggi|ieri sera|oggi pomeriggio|questo weekend
            list comp Champions|Serie A|Coppa Italia|Mondiali|Premier League
            list slam Wimbledon|Parigi|New York|Melbourne|Roma|Indian Wells
            list drink caffè|cappuccino|macchiato|espresso|marocchino|caffè d'orzo
            list food carbonara|lasagne|risotto|pizza|arancini|tiramisù|amatriciana|gnocchi|parmigiana|focaccia
            list weather Piove|Grandina|Nebbia ovunque|Nevica|C'è un vento pazzesco
            list genre film horror|film di fantascienza|documentario|giallo|film d'animazione|thriller
            list pet un gatto|un cane|un cucciolo|un gattino

            @messi
            Forza {tag}! {messi} è di un altro pianeta {emo}
            Ancora {messi}. Punizione all'incrocio, il portiere non si è mosso {emo} {tags}
            Vedere {messi} dal vivo è un altro sport {emo} {tags}
            Che gol di {messi}! {minute} {emo} {tags}
            {messi} o {player}? Godetevi entrambi finché si può {tags}
            Mio figlio vuole solo la maglia #10 di {messi} {emo} {tags}
            {tag} di nuovo in tendenza, meritatamente. {messi} era ovunque {when} {emo}
            Rivedo vecchi highlights di {messi} alle 2 di notte invece di dormire {emo} {tags}
            Mia nonna mi ha chiesto chi è {messi}. Un video ed è diventata fan {emo} {tags}

            @football
            Che gol di {player}! {minute} {emo} {tags}
            {club} {score} {club2}. Che partita! {emo} {tags}
            Giorno di partita: {club}-{club2} {when}, chi guarda? {emo} {tags}
            Sei minuti di VAR per un fuorigioco. Sei {emo} {tags}
            {tag} è l'unica cosa che mi tiene in piedi questa settimana {emo}
            Niente come le notti di {comp} {emo} {tags}
            Calciomercato: {club} su {player}? Ci credo solo dopo le visite mediche {tags}
            Calcetto del giovedì: perso {score}, ma ho preso una traversa {emo} {tags}

            @politics
            Seggi aperti fino alle 23. Portate la tessera elettorale! {emo} {tags}
            Visto il dibattito {when}. Tanto sulla casa, poco sui trasporti {tags}
            Voto sul bilancio in Parlamento {when}. Leggete i numeri prima delle opinioni {emo} {tags}
            Affluenza al {num:20-45}% a mezzogiorno, più dell'ultima volta {emo} {tags}
            {tag} tutto il giorno in TV e ancora non capisco i nuovi scaglioni {emo}

            @nba
            {nbastar} con {num:28-51} punti {when}. Assurdo {emo} {tags}
            Sveglio alle 3 di notte per i {nbateam}, di nuovo {emo} {tags}
            {tag} che finale di partita {emo}

            @tennis
            {tennisplayer} annulla {num:2-4} match point e vince al tie-break {emo} {tags}
            Che partita a {slam}: {tennisplayer} vince dopo quasi cinque ore {emo} {tags}
            Quel rovescio lungolinea, {tennisplayer}! {emo} {tags}
            {tag} finale {when}, per chi tifate? {emo}

            @f1
            {driver} in pole a {gp}! {emo} {tags}
            Pit stop di {num:6-11} secondi per la {f1team}. Disastro {emo} {tags}
            {tag} semaforo verde a {gp} tra {num:10-50} minuti, snack pronti {emo}

            @cycling
            {rider} attacca sull'ultima salita e nessuno lo segue {emo} {tags}
            Tappa {num:2-21} con i ventagli, caos totale {emo} {tags}
            {tag} tappa di montagna {when}, caffè pronto {emo}

            @coffee
            Primo {drink} della giornata e torno umano {emo} {tags}
            Al bar sotto casa fanno un {drink} perfetto. Pericoloso {emo} {tags}
            {tag} e si torna a lavorare {emo}

            @weather
            {num:35-41} gradi e l'aria condizionata in ufficio è rotta {emo} {tags}
            Le previsioni dicevano sole. {weather} {emo} {tags}
            {tag} Temporale alle 3 di notte, il cane è sotto il letto {emo}

            @music
            Il nuovo album di {band} è perfetto per le mattine di pioggia {emo} {tags}
            Visti {band} dal vivo {when}. Orecchie che fischiano, zero rimpianti {emo} {tags}
            {tag} {band} a tutto volume {emo}

            @movies
            Visto un {genre} {when}, ci penso ancora {emo} {tags}
            Popcorn, coperta e un {genre}. Domenica perfetta {emo} {tags}
            {tag} consigli per il weekend? {emo}

            @food
            Stasera {food} e nessuno discute {emo} {tags}
            Domenica a pranzo: {food} della nonna {emo} {tags}
            {tag} pranzo della domenica: {food} {emo}

            @pets
            {petname} ha buttato il mio caffè giù dal tavolo guardandomi negli occhi {emo} {tags}
            Abbiamo adottato {pet}. Vi presento {petname}! {emo} {tags}
            {tag} {petname} vi saluta {emo}

            @daily
            Di nuovo lunedì. Secondo caffè e non sono nemmeno le 10 {emo} {tags}
            Perso l'autobus per {num:5-40} secondi. Ottimo inizio di settimana {emo} {tags}
            {tag} Programmi per il weekend: assolutamente niente {emo}
            """;
}
