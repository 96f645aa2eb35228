package dev.ember.social.internal.demo;

/** Portuguese (Brazilian) posts; read by {@link Phrasebook}, whose comment describes the format. */
final class PhrasesPt {
    private PhrasesPt() {}

    static final String TEXT =
            """
            list messi Messi|Messi|Messi|Messi|Leo Messi|messi|MESSI|Lionel Messi
            list name joao|ana|pedro|maria|lucas|julia|gabriel|beatriz|rafael|larissa|thiago|camila|bruno|fernanda|mateus|leticia|caio|bianca|felipe|carol
            list when hoje à noite|hoje de manhã|hoje|ontem à noite|hoje à tarde|neste fim de semana
            list comp Champions|Libertadores|Copa do Brasil|Copa do Mundo|Brasileirão|Premier League
            list slam Wimbledon|Roland Garros|Indian Wells|Miami|Madri
            list drink cafezinho|expresso|cappuccino|café com leite|pingado|café coado
            list food feijoada|pão de queijo|coxinha|açaí|moqueca|pastel|brigadeiro|churrasco|lasanha|strogonoff
            list weather chovendo|garoando|nublado|ventando
            list genre um filme de terror|uma comédia romântica|uma ficção científica|um documentário|uma série policial|uma animação
            list gadget celular|notebook|fone|relógio|roteador|teclado
            list pet gato|cachorro|filhote|gatinho

            @messi
            {messi} de novo. Falta no ângulo, o goleiro nem se mexeu {emo} {tags}
            Ver o {messi} ao vivo é outro esporte {emo} {tags}
            Golaço do {messi} aos {minute} {emo} {tags}
            {messi} ou {player}? Aproveitem os dois enquanto dá {tags}
            Meu filho só quer a camisa #10 do {messi} {emo} {tags}
            {tag} nos trending de novo e com razão. {messi} jogou demais {when} {emo}
            Inter Miami {score}, {messi} com {num:2-3} assistências {emo} {tags}
            Revendo lances antigos do {messi} às 3 da manhã em vez de dormir {emo} {tags}
            Minha avó perguntou quem é {messi}. Mostrei um vídeo e ela virou fã {emo} {tags}
            Aconteça o que acontecer {when}, {messi} não precisa provar mais nada {emo} {tags}

            @football
            Bora {tag}! Hoje tem {club} {emo}
            Golaço do {player} aos {minute} {emo} {tags}
            {club} {score} {club2}. Que jogo! {emo} {tags}
            Não acredito que o {club} perdeu de novo. {score} em casa {emo} {tags}
            Dia de jogo: {club} x {club2} {when}, quem vai assistir? {emo} {tags}
            Seis minutos pro VAR revisar um impedimento. Seis {emo} {tags}
            {tag} é a única coisa que me mantém vivo essa semana {emo}
            Nada como noite de {comp} {emo} {tags}
            {player} tá voando, melhor do mundo hoje e não tem discussão {tags}
            Pelada de domingo: perdemos de {score}, mas acertei o travessão {emo} {tags}

            @politics
            As seções eleitorais ficam abertas até as 17h. Leve seu documento e vote! {emo} {tags}
            Assisti ao debate {when}. Muito sobre moradia, pouco sobre transporte {tags}
            Votação do orçamento na Câmara {when}. Leiam os números antes de opinar {emo} {tags}
            Comparecimento de {num:60-82}% até agora, maior que na última eleição {emo} {tags}
            {tag} o dia todo na TV e eu ainda não entendi as novas faixas de imposto {emo}

            @nba
            {nbastar} com {num:28-51} pontos {when}. Absurdo {emo} {tags}
            Virando a noite de novo pra ver os {nbateam} {emo} {tags}
            Cesta do {nbastar} no estouro do cronômetro, tô gritando {emo} {tags}
            {tag} que final de jogo, gente {emo}

            @tennis
            {tennisplayer} salva {num:2-4} match points e vence no tie-break {emo} {tags}
            Jogaço em {slam}: {tennisplayer} vence depois de quase cinco horas {emo} {tags}
            Que backhand, {tennisplayer}! Meu Deus {emo} {tags}
            {tag} final {when}, quem vocês acham que leva? {emo}

            @f1
            {driver} na pole em {gp}! {emo} {tags}
            Pit stop de {num:6-11} segundos da {f1team}. Desastre {emo} {tags}
            {driver} e {driver2} brigando pela vitória a {num:2-5} voltas do fim {emo} {tags}
            {tag} largada em {gp} daqui a {num:10-50} minutos, pipoca pronta {emo}

            @cycling
            {rider} ataca na última subida e ninguém acompanha {emo} {tags}
            Etapa {num:2-21} com vento lateral, caos total {emo} {tags}
            {tag} etapa de montanha {when}, café pronto {emo}

            @coffee
            Primeiro {drink} do dia e finalmente virei gente {emo} {tags}
            Abriu uma cafeteria na minha rua e o {drink} é ótimo. Perigo {emo} {tags}
            Terceiro café e ainda não são 11h {emo} {tags}
            {tag} e de volta ao trabalho {emo}

            @weather
            {num:35-42} graus e o ar-condicionado do escritório quebrado {emo} {tags}
            Esqueci o guarda-chuva e claro que tá caindo o mundo {emo} {tags}
            A previsão dizia sol. Tá {weather} {emo} {tags}
            {tag} Céu fechado o dia inteiro por aqui {emo}

            @music
            O disco novo do {band} é perfeito pra manhãs de chuva {emo} {tags}
            Fui no show do {band} {when}. Zumbido no ouvido, zero arrependimento {emo} {tags}
            {tag} {band} no último volume {emo}

            @movies
            Assisti {genre} {when} e ainda tô pensando no final {emo} {tags}
            Pipoca, coberta e {genre}. Domingo perfeito {emo} {tags}
            {tag} alguma indicação pro fim de semana? {emo}

            @food
            Fiz {food} do zero e deu certo {emo} {tags}
            Almoço: {food}. Janta: {food} de novo. Sem arrependimentos {emo} {tags}
            Cedo demais pra {food}? Pergunto por mim {emo} {tags}
            {tag} domingo de {food} com a família {emo}

            @tech
            {num:2-6} horas num bug que era um ponto e vírgula {emo} {tags}
            Meu {gadget} atualizou de madrugada e agora nada funciona {emo} {tags}
            {tag} dica: leiam a mensagem de erro. Inteira {emo}

            @pets
            {petname} derrubou meu café da mesa e me olhou nos olhos {emo} {tags}
            Adotamos um {pet} {when}. Conheçam o {petname}! {emo} {tags}
            {tag} {petname} mandando um oi {emo}

            @daily
            Segunda-feira de novo. Segundo café e nem são 10h {emo} {tags}
            Perdi o ônibus por {num:5-40} segundos. Ótimo começo de semana {emo} {tags}
            Sextou! Planos pro fim de semana: absolutamente nada {emo} {tags}
            {tag} O despertador tocou e eu negociei com ele por {num:15-45} minutos {emo}
            """;
}
