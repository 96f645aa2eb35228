package dev.ember.social.internal.demo;

/**
 * Japanese posts; read by {@link Phrasebook}, whose comment describes the format. Messi is written
 * メッシ here, so these posts carry {@code #Messi} for {@code --track messi} to find them, as Japanese
 * posts about him usually do.
 */
final class PhrasesJa {
    private PhrasesJa() {}

    static final String TEXT =
            """
            list messi メッシ|メッシ|メッシ|レオ・メッシ|メッシ選手
            list name yuki|haruto|sakura|ren|aoi|sota|hina|yuto|mei|riku|yui|kaito|miyu|takumi|nana|kenta
            list when 今夜|今朝|今日|昨夜|午後|週末
            list player ハーランド|エムバペ|ヴィニシウス|ベリンガム|ヤマル|サラー|ケイン|サカ|ペドリ|三笘|久保|遠藤
            list club バルサ|レアル|マンC|アーセナル|リヴァプール|パリSG|バイエルン|インテル|ミラン|ナポリ|ドルトムント|浦和|鹿島|川崎F|横浜FM
            list nbateam レイカーズ|セルティックス|ウォリアーズ|ニックス|ナゲッツ|サンズ|ヒート
            list nbastar レブロン|カリー|ヨキッチ|ウェンバンヤマ|ヤニス|ルカ|八村
            list tennisplayer アルカラス|シナー|ジョコビッチ|ズベレフ|シフィオンテク|サバレンカ|ガウフ|錦織|大坂
            list slam ウィンブルドン|全仏|全米|全豪
            list driver フェルスタッペン|ハミルトン|ルクレール|ノリス|ピアストリ|角田|アロンソ|ラッセル
            list f1team フェラーリ|マクラーレン|レッドブル|メルセデス|アストンマーティン|ウィリアムズ
            list gp モナコ|鈴鹿|モンツァ|シルバーストン|インテルラゴス|スパ|シンガポール
            list drink カフェラテ|エスプレッソ|ハンドドリップ|アイスコーヒー|抹茶ラテ|カプチーノ
            list food ラーメン|カレー|寿司|餃子|お好み焼き|うどん|唐揚げ|たこ焼き|牛丼|天ぷら
            list genre ホラー映画|アニメ映画|SF映画|ドキュメンタリー|恋愛映画|サスペンス
            list gadget スマホ|ノートPC|イヤホン|スマートウォッチ|キーボード|ルーター
            list pet 猫|犬|子猫|子犬

            @messi
            {messi}のフリーキック、美しすぎる… {emo} {tags}
            {messi}を生で見られる日が来るなんて {emo} {tags}
            {when}の{messi}、{minute}にゴール！ {emo} {tags}
            {messi}と{player}、どっちも見られる時代に感謝 {tags}
            息子が{messi}の #10 ユニフォームしか着ない {emo} {tags}
            {messi}のドリブル、何回見ても意味がわからない {emo} {tags}
            夜中の3時に{messi}のハイライト見てる {emo} {tags}
            {tag} {messi}、やっぱり別格 {emo}

            @football
            {tag}、今夜も熱かった {emo}
            {player}の{minute}のゴールやばい {emo} {tags}
            {club} {score} {club2}、すごい試合だった {emo} {tags}
            {when}は{club}対{club2}、みんな見る？ {emo} {tags}
            VARで6分待たされた… {emo} {tags}
            {tag} 今週の楽しみはこれだけ {emo}
            {player}、今世界で一番うまいと思う {tags}
            {when}の試合、最後まで目が離せなかった {emo} {tags}

            @politics
            投票所は20時まで。まだの人は行こう！ {emo} {tags}
            {when}の討論会見た。住宅の話は多いけど交通の話が少ない {tags}
            国会で予算案の審議が続いている。数字をちゃんと読んでから意見を言いたい {emo} {tags}
            投票率は午後2時時点で{num:20-45}%、前回より高いらしい {emo} {tags}
            {tag} 期日前投票、行ってきた {emo}

            @nba
            {nbastar}が{num:28-51}得点！やばすぎる {emo} {tags}
            朝から{nbateam}の試合、仕事にならない {emo} {tags}
            {tag} ブザービーター決まった瞬間叫んだ {emo}

            @tennis
            {tennisplayer}、マッチポイントを{num:2-4}本しのいで逆転勝ち！ {emo} {tags}
            {slam}の準決勝、{tennisplayer}が5時間近い死闘を制した {emo} {tags}
            {tag} 決勝は{when}、誰が勝つと思う？ {emo}

            @f1
            {driver}、{gp}でポールポジション！ {emo} {tags}
            {f1team}のピットストップ{num:6-11}秒…つらい {emo} {tags}
            {tag} {gp}のスタートまであと{num:10-50}分、お菓子準備完了 {emo}

            @coffee
            朝の{drink}でやっと人間に戻れる {emo} {tags}
            近所に新しいカフェができて、{drink}がおいしい。危険 {emo} {tags}
            {tag} 休憩してから仕事に戻る {emo}

            @weather
            今日は{num:35-40}度、オフィスのエアコンが壊れてる {emo} {tags}
            傘を忘れた日に限って土砂降り {emo} {tags}
            {tag} 夜中の雷で犬がベッドの下に隠れてる {emo}

            @music
            {band}の新しいアルバム、雨の朝にぴったり {emo} {tags}
            {when}は{band}のライブ！耳がまだキーンとしてる {emo} {tags}
            {tag} {band}をずっとリピートしてる {emo}

            @movies
            {when}{genre}を観た。まだ余韻がすごい {emo} {tags}
            ポップコーンと毛布と{genre}。完璧な日曜日 {emo} {tags}
            {tag} 週末のおすすめある？ {emo}

            @food
            {food}を一から作ってみたら成功した {emo} {tags}
            昼も{food}、夜も{food}。後悔なし {emo} {tags}
            {tag} 駅前の{food}屋さん、最高だった {emo}

            @tech
            {num:2-6}時間かけたバグの原因がセミコロン1個だった {emo} {tags}
            {gadget}が夜中にアップデートして何も動かない {emo} {tags}
            週末に{proglang}でパーサーを書き直した。速くなった、そして眠い {emo} {tags}
            {tag} エラーメッセージは最後まで読もう {emo}

            @pets
            {petname}がコーヒーをテーブルから落として、こっちを見てる {emo} {tags}
            {pet}を迎えました。名前は{petname}です！ {emo} {tags}
            {tag} {petname}が椅子を占領してる {emo}

            @daily
            また月曜日。2杯目のコーヒーでまだ10時前 {emo} {tags}
            バスに{num:5-40}秒差で乗り遅れた。最高の一週間の始まり {emo} {tags}
            {tag} 今日も一日がんばろう {emo}
            """;
}
