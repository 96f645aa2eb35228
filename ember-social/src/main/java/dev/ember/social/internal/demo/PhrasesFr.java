package dev.ember.social.internal.demo;

/** French posts; read by {@link Phrasebook}, whose comment describes the format. */
final class PhrasesFr {
    private PhrasesFr() {}

    static final String TEXT =
            """
            list messi Messi|Messi|Messi|Leo Messi|messi|MESSI|Lionel Messi
            list name lea|hugo|chloe|lucas|manon|louis|camille|jules|ines|arthur|lina|theo|emma|nathan|sarah|maxime|julie|paul
            list when ce soir|ce matin|aujourd'hui|hier soir|cet après-midi|ce week-end
            list comp Ligue des champions|Ligue 1|Coupe du monde|Coupe de France|Premier League
            list slam Wimbledon|Roland-Garros|l'US Open|l'Open d'Australie|Indian Wells
            list drink café crème|expresso|noisette|allongé|cappuccino|café filtre
            list food raclette|crêpes|croque-monsieur|quiche|ratatouille|tartiflette|couscous|pot-au-feu|galettes
            list weather il pleut|il grêle|il neige|brouillard total|tempête
            list genre film d'horreur|film de science-fiction|documentaire|polar|film d'animation|drame
            list pet chat|chien|chaton|chiot

            @messi
            {messi} encore. Coup franc en pleine lucarne, le gardien n'a pas bougé {emo} {tags}
            Voir {messi} en vrai, c'est un autre sport {emo} {tags}
            Quel but de {messi}, {minute} ! {emo} {tags}
            {messi} ou {player} ? Profitez des deux tant qu'il est temps {tags}
            Mon fils ne veut que le maillot #10 de {messi} {emo} {tags}
            {tag} encore en tendance, et c'est mérité. {messi} était partout {when} {emo}
            Revoir des vieux résumés de {messi} à 2h du matin au lieu de dormir {emo} {tags}
            Ma grand-mère m'a demandé qui est {messi}. Une vidéo et elle est fan {emo} {tags}
            Inter Miami {score}, doublé de {messi} {emo} {tags}

            @football
            Quel but de {player} ! {minute} {emo} {tags}
            {club} {score} {club2}. Quel match ! {emo} {tags}
            Jour de match : {club} - {club2} {when}, qui regarde ? {emo} {tags}
            Six minutes de VAR pour un hors-jeu. Six {emo} {tags}
            {tag} c'est la seule chose qui me fait tenir cette semaine {emo}
            Rien ne vaut les soirées de {comp} {emo} {tags}
            Rumeur de transfert : {player} direction {club} ? J'y croirai à la visite médicale {tags}
            Foot à cinq ce soir : perdu {score}, mais j'ai touché la barre {emo} {tags}

            @politics
            Les bureaux de vote ferment à 20h. N'oubliez pas votre pièce d'identité ! {emo} {tags}
            J'ai regardé le débat {when}. Beaucoup sur le logement, peu sur les transports {tags}
            Vote du budget à l'Assemblée {when}. Lisez les chiffres avant les avis tranchés {emo} {tags}
            Participation à {num:25-48} % à midi, plus que la dernière fois {emo} {tags}
            {tag} toute la journée à la télé et je ne comprends toujours pas les nouvelles tranches d'impôt {emo}

            @nba
            {nbastar} avec {num:28-51} points {when}. N'importe quoi {emo} {tags}
            Nuit blanche pour les {nbateam}, encore {emo} {tags}
            {tag} quelle fin de match, je me lève à 3h pour ça {emo}

            @tennis
            {tennisplayer} sauve {num:2-4} balles de match et gagne au tie-break {emo} {tags}
            Quel match à {slam} : {tennisplayer} gagne après presque cinq heures {emo} {tags}
            Ce revers le long de la ligne, {tennisplayer} ! {emo} {tags}
            {tag} finale {when}, vous misez sur qui ? {emo}

            @f1
            {driver} en pole à {gp} ! {emo} {tags}
            Arrêt au stand de {num:6-11} secondes chez {f1team}. La catastrophe {emo} {tags}
            {tag} départ à {gp} dans {num:10-50} minutes, le café est prêt {emo}

            @cycling
            {rider} attaque dans la dernière montée et personne ne suit {emo} {tags}
            Étape {num:2-21} : bordures partout, c'était le chaos {emo} {tags}
            Le peloton au milieu des champs de tournesols, la plus belle télé de l'été {emo} {tags}
            {tag} étape de montagne {when}, café prêt {emo}

            @coffee
            Premier {drink} de la journée et je redeviens humain {emo} {tags}
            Un nouveau café a ouvert en bas de chez moi, leur {drink} est parfait. Danger {emo} {tags}
            {tag} et au boulot {emo}

            @weather
            {num:35-41} degrés et la clim du bureau en panne {emo} {tags}
            La météo annonçait du soleil. Bien sûr, {weather} {emo} {tags}
            {tag} Orage à 3h du matin, le chien est sous mon lit {emo}

            @music
            Le nouvel album de {band} est parfait pour les matins de pluie {emo} {tags}
            Vu {band} en concert {when}. Les oreilles qui sifflent, aucun regret {emo} {tags}
            {tag} {band} à fond {emo}

            @movies
            Vu un {genre} {when}, j'y pense encore {emo} {tags}
            Pop-corn, plaid et {genre}. Dimanche parfait {emo} {tags}
            {tag} des idées pour ce week-end ? {emo}

            @food
            Soirée {food} avec les copains {emo} {tags}
            Il fait froid, donc {food} ce soir. Aucune discussion {emo} {tags}
            {tag} dimanche {food} en famille {emo}

            @pets
            {petname} a fait tomber mon café de la table en me regardant dans les yeux {emo} {tags}
            On a adopté un {pet} {when}. Je vous présente {petname} ! {emo} {tags}
            {tag} {petname} vous dit bonjour {emo}

            @daily
            Lundi encore. Deuxième café et il n'est même pas 10h {emo} {tags}
            Raté le bus de {num:5-40} secondes. Super début de semaine {emo} {tags}
            {tag} Programme du week-end : absolument rien, et j'ai hâte {emo}
            """;
}
