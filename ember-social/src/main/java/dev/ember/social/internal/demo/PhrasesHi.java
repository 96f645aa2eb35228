package dev.ember.social.internal.demo;

/** Hindi posts, in Devanagari; read by {@link Phrasebook}, whose comment describes the format. */
final class PhrasesHi {
    private PhrasesHi() {}

    static final String TEXT =
            """
            list messi मेसी|मेसी|मेसी|लियोनेल मेसी|Messi
            list name aarav|priya|rohan|ananya|vikram|isha|arjun|kavya|rahul|neha|aditya|pooja|karan|sneha|dev|meera
            list when आज रात|आज सुबह|आज|कल रात|आज दोपहर|इस वीकेंड
            list player हालैंड|एमबाप्पे|रोनाल्डो|नेमार|सलाह|केन|बेलिंगहैम|यामल
            list club बार्सिलोना|रियल मैड्रिड|मैनचेस्टर सिटी|लिवरपूल|आर्सेनल|पीएसजी|बायर्न|मोहन बागान|ईस्ट बंगाल
            list cricketer कोहली|बुमराह|रोहित|गिल|जायसवाल|पंत|जडेजा|सिराज
            list cricketteam भारत|ऑस्ट्रेलिया|इंग्लैंड|पाकिस्तान|दक्षिण अफ़्रीका|न्यूज़ीलैंड|श्रीलंका|अफ़ग़ानिस्तान
            list iplteam चेन्नई|बेंगलुरु|मुंबई|कोलकाता|हैदराबाद|राजस्थान|दिल्ली|पंजाब|गुजरात|लखनऊ
            list drink अदरक वाली चाय|मसाला चाय|कटिंग चाय|फ़िल्टर कॉफ़ी|कोल्ड कॉफ़ी
            list food बिरयानी|छोले भटूरे|पाव भाजी|मसाला डोसा|राजमा चावल|पनीर टिक्का|समोसे|गोलगप्पे
            list weather बारिश|उमस|धुंध|तेज़ हवा|ओलावृष्टि
            list genre हॉरर फ़िल्म|रोमांटिक कॉमेडी|साइंस फ़िक्शन फ़िल्म|डॉक्यूमेंट्री|थ्रिलर फ़िल्म

            @messi
            {messi} फिर से! फ्री किक सीधे कोने में, गोलकीपर हिला भी नहीं {emo} {tags}
            {messi} को लाइव देखना अलग ही खेल है {emo} {tags}
            {minute} पर {messi} का शानदार गोल {emo} {tags}
            {messi} या {player}? दोनों का मज़ा लो जब तक हो सके {tags}
            {tag} फिर से ट्रेंड में, और सही भी है। {when} {messi} हर जगह थे {emo}
            रात के 2 बजे {messi} की पुरानी हाइलाइट्स देख रहा हूँ {emo} {tags}
            बेटे को सिर्फ़ #10 वाली {messi} की जर्सी चाहिए {emo} {tags}

            @football
            {minute} पर {player} का कमाल का गोल {emo} {tags}
            {club} {score} {club2}, क्या मैच था! {emo} {tags}
            {when} {club} बनाम {club2}, कौन देख रहा है? {emo} {tags}
            {tag} इस हफ़्ते बस यही सहारा है {emo}
            VAR ने ऑफ़साइड चेक करने में छह मिनट लगा दिए {emo} {tags}

            @politics
            मतदान केंद्र शाम 6 बजे तक खुले हैं, वोट ज़रूर डालें! {emo} {tags}
            {when} की बहस देखी। आवास पर बहुत बात हुई, परिवहन पर कम {tags}
            संसद में बजट पर चर्चा, राय बनाने से पहले आँकड़े पढ़ें {emo} {tags}
            {tag} दोपहर तक {num:30-55}% मतदान, पिछली बार से ज़्यादा {emo}

            @cricket
            {cricketer} ने {num:40-110} गेंदों पर {num:50-140} रन बनाए! {emo} {tags}
            {cricketteam} को आख़िरी {num:2-4} ओवर में {num:8-40} रन चाहिए, दिल धड़क रहा है {emo} {tags}
            {cricketer} की शानदार गेंदबाज़ी, {num:3-5} विकेट {emo} {tags}
            {iplteam} ने {num:1-6} गेंद बाकी रहते {num:160-230} रन का लक्ष्य हासिल किया {emo} {tags}
            सुपर ओवर! देखा नहीं जा रहा {emo} {tags}
            {tag} आज रात सिर्फ़ यही देखना है {emo}

            @coffee
            सुबह की पहली {drink} और अब जाकर इंसान बना हूँ {emo} {tags}
            बारिश और {drink}, इससे बेहतर क्या {emo} {tags}
            {tag} ब्रेक, फिर काम पर वापस {emo}

            @weather
            {num:42-47} डिग्री और ऑफ़िस का एसी ख़राब {emo} {tags}
            मौसम ऐप ने धूप बताई थी, यहाँ {weather} है {emo} {tags}
            {tag} आज मौसम बहुत सुहाना है {emo}

            @music
            {band} का नया एल्बम बारिश वाली सुबह के लिए एकदम सही है {emo} {tags}
            {tag} {band} फुल वॉल्यूम पर {emo}

            @movies
            {when} एक {genre} देखी, अभी तक उसी के बारे में सोच रहा हूँ {emo} {tags}
            पॉपकॉर्न, कंबल और {genre}। परफेक्ट संडे {emo} {tags}
            {tag} वीकेंड के लिए कोई सुझाव? {emo}

            @food
            आज लंच में {food}, कोई बहस नहीं {emo} {tags}
            घर पर {food} बनाने की कोशिश की और सफल रहा {emo} {tags}
            {tag} संडे स्पेशल: {food} {emo}

            @daily
            फिर से सोमवार। दूसरी चाय और अभी 10 भी नहीं बजे {emo} {tags}
            बस {num:5-40} सेकंड से छूट गई। हफ़्ते की शानदार शुरुआत {emo} {tags}
            {tag} सबको सुप्रभात! आज का दिन अच्छा हो {emo}
            """;
}
