package dev.ember.social.internal.demo;

/** Arabic posts; read by {@link Phrasebook}, whose comment describes the format. */
final class PhrasesAr {
    private PhrasesAr() {}

    static final String TEXT =
            """
            list messi ميسي|ميسي|ميسي|ليونيل ميسي|Messi
            list name ahmed|fatima|omar|layla|youssef|mariam|khaled|nour|ali|sara|hassan|huda|karim|rania|tariq|salma
            list when الليلة|هذا الصباح|اليوم|أمس|هذا المساء|في نهاية الأسبوع
            list player هالاند|مبابي|فينيسيوس|بيلينغهام|لامين يامال|محمد صلاح|رونالدو|كين|ساكا|نيمار
            list club برشلونة|ريال مدريد|مانشستر سيتي|ليفربول|باريس سان جيرمان|بايرن|الهلال|النصر|الأهلي|الاتحاد|الزمالك|الوداد|الترجي
            list drink قهوة عربية|كابتشينو|إسبريسو|لاتيه|قهوة تركية
            list food كبسة|منسف|فلافل|شاورما|كشري|مقلوبة|حمص|كنافة
            list weather الجو غائم|المطر ينهمر|عاصفة ترابية|الرطوبة عالية
            list genre فيلم رعب|فيلم خيال علمي|فيلمًا وثائقيًا|فيلم رسوم متحركة|مسلسلًا بوليسيًا
            list gadget جوالي|اللابتوب|سماعاتي|ساعتي الذكية
            list pet قطة|كلبًا|جروًا|قطة صغيرة

            @messi
            {messi} مرة أخرى، ركلة حرة في الزاوية والحارس لم يتحرك {emo} {tags}
            مشاهدة {messi} في الملعب رياضة أخرى تمامًا {emo} {tags}
            هدف رائع من {messi} في الدقيقة {minute} {emo} {tags}
            {messi} أم {player}؟ استمتعوا بالاثنين ما دام ذلك ممكنًا {tags}
            ابني لا يريد إلا قميص #10 الخاص بـ {messi} {emo} {tags}
            {tag} في الترند من جديد وعن جدارة، {messi} كان في كل مكان {when} {emo}
            أشاهد لقطات قديمة لـ {messi} في الثالثة فجرًا بدل النوم {emo} {tags}

            @football
            هل شاهدتم {tag}؟ {club} كان رائعًا الليلة {emo}
            هدف خرافي من {player} في الدقيقة {minute} {emo} {tags}
            {club} {score} {club2}، يا لها من مباراة! {emo} {tags}
            يوم المباراة: {club} ضد {club2} {when}، من سيشاهد؟ {emo} {tags}
            ست دقائق لمراجعة تسلل بتقنية الفار. ست دقائق! {emo} {tags}
            {tag} هو الشيء الوحيد الذي يبقيني صامدًا هذا الأسبوع {emo}
            {player} أفضل لاعب في العالم حاليًا بلا نقاش {tags}

            @politics
            مراكز الاقتراع مفتوحة حتى الثامنة مساءً، لا تنسوا بطاقة الهوية {emo} {tags}
            شاهدت المناظرة {when}، حديث كثير عن السكن وقليل عن النقل {tags}
            البرلمان يناقش الميزانية {when}، اقرؤوا الأرقام قبل الحكم {emo} {tags}
            {tag} نسبة المشاركة {num:20-45}% حتى الظهر {emo}

            @coffee
            أول {drink} في اليوم وأخيرًا صرت إنسانًا {emo} {tags}
            فتح مقهى جديد في حيّنا و{drink} عندهم ممتاز {emo} {tags}
            {tag} ثم العودة إلى العمل {emo}

            @weather
            {num:42-49} درجة والمكيف في المكتب معطل {emo} {tags}
            النشرة قالت الجو مشمس، والآن {weather} {emo} {tags}
            {tag} رعد في الثالثة فجرًا والقطة تحت السرير {emo}

            @music
            الألبوم الجديد لـ {band} مثالي للصباحات الهادئة {emo} {tags}
            حضرت حفلة {band} {when}، أذناي تطنان ولا ندم {emo} {tags}
            {tag} {band} بأعلى صوت {emo}

            @movies
            شاهدت {genre} {when} وما زلت أفكر فيه {emo} {tags}
            فشار وبطانية وسهرة مثالية {emo} {tags}
            {tag} اقتراحات لنهاية الأسبوع؟ {emo}

            @food
            {food} على الغداء، ولا نقاش {emo} {tags}
            جربت أعمل {food} في البيت ونجحت {emo} {tags}
            {tag} أفضل {food} في المدينة عند مطعم صغير قرب المحطة {emo}

            @tech
            قضيت {num:3-6} ساعات على خطأ سببه فاصلة منقوطة {emo} {tags}
            {gadget} تحدّث في الليل والآن لا شيء يعمل {emo} {tags}
            {tag} نصيحة: اقرأ رسالة الخطأ كاملة {emo}

            @pets
            {petname} أسقط قهوتي عن الطاولة ونظر في عيني {emo} {tags}
            تبنينا {pet} {when}، أقدم لكم {petname}! {emo} {tags}
            {tag} {petname} يقول لكم مرحبًا {emo}

            @daily
            صباح الخير! القهوة الثانية والساعة لم تبلغ العاشرة بعد {emo} {tags}
            فاتني الباص بـ {num:5-40} ثانية، بداية رائعة للأسبوع {emo} {tags}
            {tag} خطط نهاية الأسبوع: لا شيء على الإطلاق {emo}
            """;
}
