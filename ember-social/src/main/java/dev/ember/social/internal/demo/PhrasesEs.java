package dev.ember.social.internal.demo;

/** Spanish posts; read by {@link Phrasebook}, whose comment describes the format. */
final class PhrasesEs {
    private PhrasesEs() {}

    static final String TEXT =
            """
            list messi Messi|Messi|Messi|Messi|Leo Messi|Leo Messi|messi|MESSI|Lionel Messi
            list name lucia|mateo|sofia|diego|valentina|santiago|camila|martin|isabella|javier|paula|carlos|elena|pablo|andrea|alejandro|marta|nico|laura|sergio|julieta|tomas
            list when esta noche|esta mañana|hoy|anoche|esta tarde|este finde
            list comp la Champions|LaLiga|la Copa del Rey|el Mundial|la Copa América|la Libertadores|la Premier
            list slam Wimbledon|Roland Garros|el US Open|el Open de Australia|Indian Wells|el Masters de Madrid
            list drink cortado|café con leche|café solo|capuchino|café de olla|carajillo
            list food tacos|paella|empanadas|tortilla de patatas|arepas|croquetas|ceviche|churros|milanesas|lentejas
            list weather lloviendo|granizando|nevando|nublado|diluviando
            list genre peli de terror|comedia romántica|peli de ciencia ficción|serie policiaca|peli de animación|película de atracos
            list gadget móvil|portátil|router|reloj|teclado
            list pet gato|perro|cachorro|gatito

            @messi
            ¡Vamos {tag}! {messi} en modo dios {emo}
            {messi} otra vez. Tiro libre a la escuadra, el portero ni se movió {emo} {tags}
            Ver a {messi} en vivo es otro deporte {emo} {tags}
            Golazo de {messi} al {minute}, no hay palabras {emo} {tags}
            ¿{messi} o {player}? Disfruten a los dos mientras puedan {tags}
            Mi hijo solo quiere la camiseta #10 de {messi} {emo} {tags}
            {tag} otra vez tendencia y con razón. {messi} estuvo en todas {when} {emo}
            Inter Miami {score} y {messi} con {num:2-3} asistencias {emo} {tags}
            Viendo resúmenes viejos de {messi} a las 3 de la mañana en vez de dormir {emo} {tags}
            Pase lo que pase {when}, {messi} no tiene nada que demostrar {emo} {tags}
            Mi abuela preguntó quién es {messi}. Le mostré un video y ya es fan {emo} {tags}
            Zurda de {messi} desde {num:25-30} metros, al palo largo. Irreal {emo} {tags}

            @football
            Golazo de {player} al {minute} {emo} {tags}
            {club} {score} {club2}. ¡Qué partidazo! {emo} {tags}
            No puedo creer que {club} lo haya vuelto a tirar. {score} en casa {emo} {tags}
            Día de partido: {club} vs {club2} {when}, ¿quién lo ve? {emo} {tags}
            Seis minutos para revisar un fuera de juego en el VAR. Seis {emo} {tags}
            {player} está en el mejor momento de su carrera y no hay discusión {tags}
            {tag} es lo único que me mantiene vivo esta semana {emo}
            Rumor de fichaje: {player} al {club}? Me lo creo cuando vea la revisión médica {tags}
            Nada como las noches de {comp} {emo} {tags}
            Fútbol 7 del domingo: perdimos {score}, pero le pegué al travesaño {emo} {tags}

            @politics
            Los colegios electorales abren hasta las 8. ¡Lleven su documento y a votar! {emo} {tags}
            Vi el debate {when}. Mucho de vivienda, poco de transporte {tags}
            Votación del presupuesto en el congreso {when}. Lean los números antes de opinar {emo} {tags}
            Participación del {num:38-71}% al mediodía, más que la última vez {emo} {tags}
            {tag} todo el día en la tele y sigo sin entender los nuevos tramos de impuestos {emo}
            El ayuntamiento aprobó los nuevos carriles bici por {num:5-9} votos a {num:2-4} {tags}

            @nba
            {nbastar} con {num:28-51} puntos {when}. Una locura {emo} {tags}
            Trasnochando otra vez por los {nbateam} {emo} {tags}
            Triple de {nbastar} sobre la bocina, estoy gritando {emo} {tags}
            {tag} qué final de partido, por favor {emo}

            @tennis
            {tennisplayer} salva {num:2-4} bolas de partido y gana en el tie-break {emo} {tags}
            Partidazo en {slam}: {tennisplayer} gana después de casi cinco horas {emo} {tags}
            Ese revés paralelo de {tennisplayer} no es de este planeta {emo} {tags}
            {tag} final {when}, ¿con quién van? {emo}

            @f1
            ¡{driver} en la pole en {gp}! {emo} {tags}
            Parada en boxes de {num:6-11} segundos para {f1team}. Desastre {emo} {tags}
            {driver} contra {driver2} por la victoria a {num:2-5} vueltas del final {emo} {tags}
            {tag} Carrera en {gp} en {num:10-50} minutos, ya tengo las palomitas {emo}

            @cycling
            {rider} ataca en el último puerto y nadie puede seguirle {emo} {tags}
            Etapa {num:2-21} con abanicos por todas partes, qué locura {emo} {tags}
            {rider} sigue de líder un día más {emo} {tags}
            {tag} etapa de montaña {when}, café preparado {emo}

            @coffee
            Primer {drink} del día y por fin soy persona {emo} {tags}
            Abrieron una cafetería en mi calle y el {drink} está buenísimo. Peligro {emo} {tags}
            Tercer café y aún no son las 11 {emo} {tags}
            {tag} y a seguir trabajando {emo}

            @weather
            {num:35-44} grados y el aire acondicionado de la oficina roto {emo} {tags}
            Olvidé el paraguas y obviamente está diluviando {emo} {tags}
            El pronóstico decía sol. Está {weather} {emo} {tags}
            {tag} Tormenta a las 3 de la mañana y el perro debajo de mi cama {emo}

            @music
            El nuevo disco de {band} es perfecto para las mañanas de lluvia {emo} {tags}
            Vi a {band} en concierto {when}. Me zumban los oídos, cero arrepentimiento {emo} {tags}
            En bucle toda la semana: lo nuevo de {band} {emo} {tags}
            {tag} {band}, a todo volumen {emo}

            @movies
            Vi una {genre} {when} y sigo pensando en ella {emo} {tags}
            Palomitas, manta y {genre}. Domingo perfecto {emo} {tags}
            Ese final... sin spoilers, pero guau {emo} {tags}
            ¿Recomendaciones de {tag} para el finde? {emo}

            @food
            Hice {food} desde cero y salió bien {emo} {tags}
            El mejor sitio de {food} de la ciudad tiene {num:5-8} mesas {emo} {tags}
            ¿Es muy temprano para {food}? Pregunto por mí {emo} {tags}
            {tag} Domingo de {food} con la familia {emo}

            @tech
            {num:2-6} horas con un bug que era un punto y coma {emo} {tags}
            Mi {gadget} se actualizó anoche y ahora nada funciona {emo} {tags}
            Reescribí el parser en {proglang} este finde. Más rápido y yo más cansado {emo} {tags}
            {tag} consejo: lean el mensaje de error. Entero {emo}

            @pets
            {petname} tiró mi café de la mesa y me miró a los ojos {emo} {tags}
            Adoptamos un {pet} {when}. ¡Les presento a {petname}! {emo} {tags}
            {petname} se adueñó de mi silla. Ahora vivo en el suelo {emo} {tags}
            {tag} {petname} les manda saludos {emo}

            @daily
            Lunes otra vez. Segundo café y no son ni las 10 {emo} {tags}
            Perdí el bus por {num:5-40} segundos. Gran comienzo de semana {emo} {tags}
            Planes para el finde: absolutamente nada, y estoy feliz {emo} {tags}
            {tag} La alarma sonó y negocié con ella {num:15-45} minutos {emo}
            """;
}
