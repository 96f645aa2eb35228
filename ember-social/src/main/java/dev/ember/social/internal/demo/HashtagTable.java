package dev.ember.social.internal.demo;

/** The demo's hashtag vocabulary, read by {@link Vocabulary}; the format is described there. */
final class HashtagTable {
    private HashtagTable() {}

    static final String TEXT =
            """
            // Messi: the fixed share of posts that --track messi follows. Weights are the prominence.
            messi #Messi 10 *
            messi #InterMiami 5 *
            messi #LeoMessi 3 *
            messi #Argentina 3 *
            messi #GOAT 3 *
            messi #Messi10 2 *
            messi #MLS 2 *
            messi #BallonDor 1 *
            messi #InterMiamiCF 1 *
            messi #LaPulga 2 es,pt,it,fr
            messi #Albiceleste 2 es,it,pt
            messi #VamosArgentina 2 es
            messi #メッシ 6 ja
            messi #ميسي 6 ar
            messi #البرغوث 2 ar
            messi #Месси 6 ru
            messi #मेसी 5 hi

            // Football: competitions and words.
            football #ChampionsLeague 9 *
            football #UCL 6 *
            football #PremierLeague 8 *
            football #LaLiga 7 *
            football #SerieA 5 *
            football #Bundesliga 5 *
            football #Ligue1 4 *
            football #WorldCup 7 *
            football #CopaAmerica 3 *
            football #ClubWorldCup 3 *
            football #ElClasico 4 *
            football #VAR 3 *
            football #football 8 en,fr,ar,hi
            football #soccer 5 en,ja
            football #matchday 5 en,fr,de
            football #goal 4 en
            football #golazo 4 es,en
            football #transferwindow 3 en
            football #fútbol 5 es
            football #futbol 4 es
            football #futebol 5 pt
            football #Brasileirão 4 pt
            football #golaço 2 pt
            football #foot 3 fr
            football #Fußball 4 de
            football #calcio 4 it
            football #サッカー 6 ja
            football #Jリーグ 3 ja
            football #футбол 5 ru
            football #РПЛ 2 ru
            football #كرة_القدم 5 ar
            football #دوري_روشن 2 ar
            football #फुटबॉल 3 hi

            // Football: players (they fill {player}).
            football #Ronaldo 7 * player=Ronaldo / ja=ロナウド / ru=Роналду / ar=رونالدو / hi=रोनाल्डो
            football #CR7 5 * player=Cristiano / ja=クリロナ / ru=Криштиану / ar=كريستيانو / hi=रोनाल्डो
            football #Mbappe 6 * player=Mbappé / ja=エムバペ / ru=Мбаппе / ar=مبابي / hi=एमबाप्पे
            football #Haaland 6 * player=Haaland / ja=ハーランド / ru=Холанд / ar=هالاند / hi=हालैंड
            football #Vinicius 4 * player=Vinícius / ja=ヴィニシウス / ru=Винисиус / ar=فينيسيوس / hi=विनीसियस
            football #Bellingham 4 * player=Bellingham / ja=ベリンガム / ru=Беллингем / ar=بيلينغهام / hi=बेलिंगहैम
            football #LamineYamal 5 * player=Lamine Yamal / ja=ヤマル / ru=Ямаль / ar=لامين يامال / hi=लामिन यामल
            football #Salah 4 * player=Salah / ja=サラー / ru=Салах / ar=محمد صلاح / hi=सलाह
            football #Kane 3 * player=Kane / ja=ケイン / ru=Кейн / ar=هاري كين / hi=केन
            football #Lewandowski 3 * player=Lewandowski / ja=レヴァンドフスキ / ru=Левандовски / ar=ليفاندوفسكي / hi=लेवांडोव्स्की
            football #Pedri 3 * player=Pedri / ja=ペドリ / ru=Педри / ar=بيدري / hi=पेड्री
            football #Saka 3 * player=Saka / ja=サカ / ru=Сака / ar=ساكا / hi=साका
            football #Musiala 2 * player=Musiala / ja=ムシアラ / ru=Мусиала / ar=موسيالا / hi=मुसियाला
            football #Neymar 4 * player=Neymar / ja=ネイマール / ru=Неймар / ar=نيمار / hi=नेमार
            football #Lautaro 2 * player=Lautaro / ja=ラウタロ / ru=Лаутаро / ar=لاوتارو / hi=लाउटारो

            // Football: clubs (they fill {club}).
            football #Barca 7 * club=Barça / ja=バルサ / ru=Барселона / ar=برشلونة / hi=बार्सिलोना
            football #ForçaBarça 3 * club=Barça / ja=バルサ / ru=Барселона / ar=برشلونة / hi=बार्सिलोना
            football #RealMadrid 7 * club=Real Madrid / ja=レアル / ru=Реал / ar=ريال مدريد / hi=रियल मैड्रिड
            football #HalaMadrid 4 * club=Real Madrid / ja=レアル / ru=Реал / ar=ريال مدريد / hi=रियल मैड्रिड
            football #ManCity 5 * club=Man City / ja=マンC / ru=Манчестер Сити / ar=مانشستر سيتي / hi=मैनचेस्टर सिटी
            football #Arsenal 5 * club=Arsenal / ja=アーセナル / ru=Арсенал / ar=آرسنال / hi=आर्सेनल
            football #LFC 5 * club=Liverpool / ja=リヴァプール / ru=Ливерпуль / ar=ليفربول / hi=लिवरपूल
            football #MUFC 4 * club=Man United / ja=マンU / ru=Манчестер Юнайтед / ar=مانشستر يونايتد / hi=मैनचेस्टर यूनाइटेड
            football #CFC 3 * club=Chelsea / ja=チェルシー / ru=Челси / ar=تشيلسي / hi=चेल्सी
            football #PSG 5 * club=PSG / ja=パリSG / ru=ПСЖ / ar=باريس سان جيرمان / hi=पीएसजी
            football #FCBayern 4 * club=Bayern / ja=バイエルン / ru=Бавария / ar=بايرن / hi=बायर्न
            football #BVB 3 * club=Dortmund / ja=ドルトムント / ru=Боруссия / ar=دورتموند / hi=डॉर्टमुंड
            football #Juventus 4 * club=Juventus / ja=ユヴェントス / ru=Ювентус / ar=يوفنتوس / hi=युवेंटस
            football #Inter 3 * club=Inter / ja=インテル / ru=Интер / ar=إنتر / hi=इंटर
            football #ACMilan 3 * club=Milan / ja=ミラン / ru=Милан / ar=ميلان / hi=मिलान
            football #Napoli 3 * club=Napoli / ja=ナポリ / ru=Наполи / ar=نابولي / hi=नापोली
            football #Atleti 3 * club=Atlético / ja=アトレティコ / ru=Атлетико / ar=أتلتيكو / hi=एटलेटिको
            football #Benfica 2 * club=Benfica / ja=ベンフィカ / ru=Бенфика / ar=بنفيكا / hi=बेनफिका
            football #AlHilal 2 en,ar club=Al Hilal / ar=الهلال
            football #AlNassr 2 en,ar club=Al Nassr / ar=النصر
            football #Flamengo 3 pt club=Flamengo
            football #Palmeiras 2 pt club=Palmeiras
            football #Corinthians 2 pt club=Corinthians
            football #BocaJuniors 2 es club=Boca
            football #RiverPlate 2 es club=River
            football #OM 2 fr club=OM

            // Politics: generic words only, no parties and no people.
            politics #election 6 en
            politics #vote 4 en
            politics #budget 4 en,fr
            politics #parliament 4 en
            politics #debate 4 en,es,pt
            politics #democracy 3 en
            politics #localelections 3 en
            politics #citycouncil 2 en
            politics #turnout 1 en
            politics #elecciones 5 es
            politics #presupuesto 2 es
            politics #congreso 2 es
            politics #eleições 5 pt
            politics #orçamento 2 pt
            politics #élections 4 fr
            politics #débat 2 fr
            politics #municipales 2 fr
            politics #Wahl 4 de
            politics #Haushalt 2 de
            politics #Bundestag 2 de
            politics #elezioni 4 it
            politics #Parlamento 2 it,es,pt
            politics #選挙 5 ja
            politics #国会 3 ja
            politics #投票 2 ja
            politics #выборы 4 ru
            politics #бюджет 2 ru
            politics #الانتخابات 4 ar
            politics #البرلمان 2 ar
            politics #चुनाव 4 hi
            politics #बजट 2 hi
            politics #संसद 2 hi

            // Basketball.
            nba #NBA 9 *
            nba #NBAPlayoffs 5 *
            nba #NBAFinals 4 *
            nba #Lakers 5 * nbateam=Lakers / ja=レイカーズ / ru=Лейкерс
            nba #Celtics 4 * nbateam=Celtics / ja=セルティックス / ru=Селтикс
            nba #Warriors 4 * nbateam=Warriors / ja=ウォリアーズ / ru=Голден Стэйт
            nba #Knicks 3 * nbateam=Knicks / ja=ニックス / ru=Никс
            nba #Nuggets 2 * nbateam=Nuggets / ja=ナゲッツ / ru=Денвер
            nba #Thunder 2 * nbateam=Thunder / ja=サンダー / ru=Оклахома
            nba #Mavs 2 * nbateam=Mavs / ja=マブス / ru=Даллас
            nba #LeBron 4 * nbastar=LeBron / ja=レブロン / ru=Леброн
            nba #Wemby 3 * nbastar=Wembanyama / ja=ウェンバンヤマ / ru=Вембаньяма
            nba #Curry 3 * nbastar=Curry / ja=カリー / ru=Карри
            nba #Jokic 2 * nbastar=Jokić / ja=ヨキッチ / ru=Йокич
            nba #Giannis 2 * nbastar=Giannis / ja=ヤニス / ru=Яннис
            nba #バスケ 3 ja
            nba #баскетбол 2 ru
            nba #baloncesto 2 es
            nba #basquete 2 pt
            nba #basket 2 fr,it

            // Tennis.
            tennis #tennis 6 en,fr,de
            tennis #Wimbledon 6 * slam=Wimbledon / ja=ウィンブルドン / ru=Уимблдон
            tennis #RolandGarros 5 * slam=Roland-Garros / es=Roland Garros / pt=Paris / de=Paris / it=Parigi / ja=全仏 / ru=Ролан Гаррос
            tennis #USOpen 5 * slam=US Open / en=the US Open / es=el US Open / fr=l'US Open / pt=Nova York / de=New York / it=New York / ja=全米
            tennis #AusOpen 4 * slam=Australian Open / en=the Australian Open / es=el Open de Australia / fr=l'Open d'Australie / pt=Melbourne / de=Melbourne / it=Melbourne / ja=全豪
            tennis #ATP 3 *
            tennis #WTA 3 *
            tennis #Alcaraz 5 * tennisplayer=Alcaraz / ja=アルカラス / ru=Алькарас
            tennis #Sinner 5 * tennisplayer=Sinner / ja=シナー / ru=Синнер
            tennis #Djokovic 5 * tennisplayer=Djokovic / ja=ジョコビッチ / ru=Джокович
            tennis #Swiatek 3 * tennisplayer=Świątek / ja=シフィオンテク / ru=Свёнтек
            tennis #Sabalenka 3 * tennisplayer=Sabalenka / ja=サバレンカ / ru=Соболенко
            tennis #Gauff 3 * tennisplayer=Gauff / ja=ガウフ / ru=Гауфф
            tennis #tenis 3 es
            tennis #tênis 2 pt
            tennis #テニス 3 ja
            tennis #теннис 2 ru

            // Formula 1.
            f1 #F1 10 *
            f1 #Formula1 5 *
            f1 #Verstappen 4 * driver=Verstappen / ja=フェルスタッペン / ru=Ферстаппен
            f1 #Hamilton 5 * driver=Hamilton / ja=ハミルトン / ru=Хэмилтон
            f1 #Leclerc 4 * driver=Leclerc / ja=ルクレール / ru=Леклер
            f1 #Norris 4 * driver=Norris / ja=ノリス / ru=Норрис
            f1 #Piastri 3 * driver=Piastri / ja=ピアストリ / ru=Пиастри
            f1 #Alonso 3 * driver=Alonso / ja=アロンソ / ru=Алонсо
            f1 #Ferrari 4 * f1team=Ferrari / ja=フェラーリ / ru=Феррари
            f1 #McLaren 3 * f1team=McLaren / ja=マクラーレン / ru=Макларен
            f1 #MonacoGP 4 * gp=Monaco / ja=モナコ / ru=Монако
            f1 #BrazilGP 3 * gp=Interlagos / ja=インテルラゴス / ru=Интерлагос
            f1 #JapaneseGP 3 * gp=Suzuka / ja=鈴鹿 / ru=Сузука
            f1 #ItalianGP 3 * gp=Monza / ja=モンツァ / ru=Монца
            f1 #BritishGP 3 * gp=Silverstone / ja=シルバーストン / ru=Сильверстоун
            f1 #ForzaFerrari 2 it
            f1 #F1jp 2 ja
            f1 #Формула1 2 ru
            f1 #Fórmula1 2 es,pt

            // Cricket.
            cricket #cricket 6 en,hi
            cricket #IPL 7 *
            cricket #TeamIndia 5 en,hi
            cricket #T20WorldCup 4 *
            cricket #Ashes 3 en
            cricket #Kohli 4 * cricketer=Kohli / hi=कोहली
            cricket #Bumrah 3 * cricketer=Bumrah / hi=बुमराह
            cricket #CSK 3 * iplteam=CSK / hi=चेन्नई
            cricket #RCB 3 * iplteam=RCB / hi=बेंगलुरु
            cricket #MumbaiIndians 2 * iplteam=Mumbai Indians / hi=मुंबई
            cricket #क्रिकेट 4 hi
            cricket #आईपीएल 2 hi

            // Cycling.
            cycling #TDF 4 *
            cycling #TourDeFrance 4 *
            cycling #Giro 3 *
            cycling #Vuelta 3 *
            cycling #cycling 4 en
            cycling #Pogacar 3 * rider=Pogačar
            cycling #Vingegaard 2 * rider=Vingegaard
            cycling #cyclisme 3 fr
            cycling #ciclismo 3 es,it,pt
            cycling #Radsport 2 de

            // Coffee and tea.
            coffee #coffee 7 en
            coffee #coffeetime 4 en
            coffee #CoffeeLover 3 en
            coffee #espresso 3 * drink=espresso / es=café solo / pt=expresso / fr=expresso / de=Espresso / ja=エスプレッソ / ru=эспрессо / ar=إسبريسو / hi=फ़िल्टर कॉफ़ी
            coffee #latte 2 en drink=oat latte
            coffee #café 4 es,pt,fr
            coffee #cafezinho 2 pt drink=cafezinho
            coffee #Kaffee 3 de
            coffee #caffè 3 it
            coffee #コーヒー 4 ja
            coffee #カフェ 3 ja
            coffee #кофе 3 ru
            coffee #قهوة 4 ar
            coffee #चाय 4 hi drink=अदरक वाली चाय
            coffee #chai 2 hi,en drink=masala chai / hi=मसाला चाय

            // Weather.
            weather #weather 4 en
            weather #rain 3 en
            weather #heatwave 4 en
            weather #snow 2 en
            weather #storm 2 en
            weather #sunny 2 en
            weather #lluvia 3 es
            weather #calor 3 es,pt
            weather #chuva 3 pt
            weather #météo 3 fr
            weather #canicule 3 fr
            weather #Wetter 3 de
            weather #Hitze 2 de
            weather #meteo 3 it
            weather #天気 3 ja
            weather #雨 3 ja
            weather #猛暑 2 ja
            weather #погода 3 ru
            weather #الطقس 3 ar
            weather #मौसम 3 hi
            weather #बारिश 2 hi

            // Music.
            music #NowPlaying 6 *
            music #NewMusic 4 en
            music #music 4 en
            music #concert 3 en,fr
            music #vinyl 2 en
            music #playlist 2 *
            music #música 3 es,pt
            music #musique 2 fr
            music #Musik 2 de
            music #musica 2 it
            music #音楽 3 ja
            music #музыка 2 ru
            music #موسيقى 2 ar
            music #संगीत 2 hi

            // Film and series.
            movies #MovieNight 4 en
            movies #movies 3 en
            movies #cinema 3 en,it,pt
            movies #Netflix 3 *
            movies #film 2 en,de
            movies #cine 3 es
            movies #cinéma 2 fr
            movies #Kino 2 de
            movies #映画 4 ja
            movies #アニメ 4 ja
            movies #кино 3 ru
            movies #أفلام 2 ar
            movies #Bollywood 3 hi,en
            movies #फिल्म 2 hi

            // Food.
            food #foodie 4 en
            food #food 3 en
            food #brunch 2 en
            food #baking 2 en
            food #pizza 3 * food=pizza / de=Pizza / ja=ピザ / ru=пицца / ar=بيتزا / hi=पिज़्ज़ा
            food #ramen 2 * food=ramen / de=Ramen / ja=ラーメン / ru=рамен / ar=رامن / hi=रामेन
            food #sushi 2 * food=sushi / de=Sushi / ja=寿司 / ru=суши / ar=سوشي / hi=सुशी
            food #comida 3 es,pt
            food #tacos 2 es,en food=tacos
            food #asado 2 es food=asado
            food #cuisine 2 fr
            food #Essen 2 de
            food #cucina 3 it
            food #ラーメン 3 ja food=ラーメン
            food #ごはん 3 ja
            food #еда 2 ru
            food #أكل 2 ar
            food #खाना 2 hi
            food #बिरयानी 2 hi food=बिरयानी

            // Technology and games.
            tech #tech 4 en
            tech #coding 3 en
            tech #programming 3 en
            tech #Java 3 *
            tech #opensource 3 *
            tech #Linux 3 *
            tech #100DaysOfCode 2 en
            tech #gamedev 2 *
            tech #gaming 3 en
            tech #tecnología 2 es
            tech #tecnologia 2 pt
            tech #プログラミング 3 ja
            tech #ゲーム 3 ja
            tech #программирование 2 ru
            tech #تقنية 2 ar

            // Pets.
            pets #caturday 3 en
            pets #cats 3 en
            pets #dogs 3 en
            pets #puppy 2 en
            pets #AdoptDontShop 2 en
            pets #gatos 3 es,pt
            pets #perros 2 es
            pets #chats 2 fr
            pets #Katzen 2 de
            pets #gatti 2 it
            pets #猫 4 ja
            pets #ねこ 3 ja
            pets #犬 3 ja
            pets #кошки 2 ru
            pets #قطط 2 ar

            // Everyday life.
            daily #MondayMotivation 5 en
            daily #MondayMood 3 en
            daily #Monday 3 en
            daily #TGIF 3 en
            daily #weekend 3 en
            daily #commute 2 en
            daily #lunes 3 es
            daily #findesemana 2 es
            daily #segundafeira 2 pt
            daily #sextou 3 pt
            daily #lundi 2 fr
            daily #Montag 2 de
            daily #Feierabend 2 de
            daily #lunedì 2 it
            daily #月曜日 3 ja
            daily #おはようございます 3 ja
            daily #понедельник 2 ru
            daily #صباح_الخير 3 ar
            daily #सुप्रभात 2 hi
            """;
}
