package dev.ember.social.internal.demo;

import dev.ember.social.Post;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/*
 * Post k of a demo stream is a pure function of (seed, k, its virtual time): a SplitMix64 stream
 * is reset from (seed, k) for every post, and the hashtags' popularity depends only on the seed
 * and the time since the origin (see TrendModel). So a stream can be regenerated, entered at any
 * post, or generated out of order, and still give the same posts.
 *
 * The draws for one post, in this order (each post has its own random stream, so no post's draws
 * shift another's): language (fixed shares), keyframe (TrendModel.keyframeAt), Messi or not (a fixed 11 %, so that
 * --track messi flows at every point in time), topic (by the popularity of its tags), main tag,
 * number of hashtags, further tags of the same topic, the way to name Messi, the template, then
 * the slots as the template meets them, then the author.
 *
 * Post.hashtags is collected while the text is written, from the tags' precomputed normalised
 * forms; the phrase tables are checked at load so that this equals Hashtags.extract(text).
 *
 * Lean by design: one reused StringBuilder, no regex, no String.format, no boxing; per post it
 * allocates the text, the id, the hashtag list and the Post.
 *
 * Not thread-safe: one generator per thread.
 */

/**
 * Generates the posts of the synthetic demo stream: realistic texts in ten languages about football
 * (Messi in about one post in nine), politics, other sports and everyday life, with hashtags whose
 * popularity follows Zipf's law and drifts over minutes, so trends rise and fall.
 *
 * <p>Post {@code k} depends only on the seed, {@code k} and its virtual time measured from the
 * origin given at construction; its {@code id} is {@code demo-<seed>-<k>}, its {@code createdAt}
 * the virtual time, its {@code source} {@code demo}, and its {@code hashtags} those {@link
 * dev.ember.social.Hashtags#extract} finds in its text.
 *
 * <p>Not thread-safe.
 */
public final class DemoPostGenerator {
    /** The {@code Post.source} of demo posts. */
    public static final String SOURCE = "demo";

    static final double MESSI_SHARE = 0.11;

    private static final int MAX_TAGS = 4;
    private static final int AUTHORS_PER_LANGUAGE = 4000;

    // Per-mille thresholds for 0, 1, 2 hashtags (the rest has 3).
    private static final int[] TAG_COUNT_LIMITS = {230, 730, 920};
    private static final int[] MESSI_TAG_COUNT_LIMITS = {200, 680, 900};

    // Percent of tags written as displayed (#InterMiami), all lower case, all upper case.
    private static final int DISPLAY_FORM_PERCENT = 62;
    private static final int LOWER_FORM_PERCENT = 28;

    private static final int EMOJI_PERCENT = 55;
    private static final int DOUBLE_EMOJI_PERCENT = 12;

    private final long seed;
    private final Instant origin;
    private final String idPrefix;
    private final long postSeed;
    private final long handleSeed;
    private final Vocabulary vocabulary = Vocabulary.INSTANCE;
    private final Phrasebook book = Phrasebook.INSTANCE;
    private final TrendModel trends;
    private final AliasTable languages;
    private final Tag messiTag;
    private final String[][] handles;

    private final SplitMix rng = new SplitMix(0);
    private final StringBuilder text = new StringBuilder(256);
    private final String[] firstPick;
    private final String[] secondPick;
    private final int[] tags = new int[MAX_TAGS];
    private final boolean[] written = new boolean[MAX_TAGS];
    private final String[] found = new String[MAX_TAGS];
    private int tagCount;
    private int foundCount;
    private int language;
    private int topic;
    private Tag mainTag;
    private String messiName;
    private Phrasebook.Template lastTemplate;

    /**
     * A generator of the stream of {@code seed} whose virtual time starts at {@code origin}.
     *
     * @param seed any value; each gives its own stream
     * @param origin the virtual time of the stream's start, from which hashtag popularity is
     *     measured
     */
    public DemoPostGenerator(long seed, Instant origin) {
        this.seed = seed;
        this.origin = Objects.requireNonNull(origin, "origin");
        this.idPrefix = "demo-" + seed + "-";
        this.postSeed = SplitMix.mix(seed, 0x9057);
        this.handleSeed = SplitMix.mix(seed, 0x4A4D);
        this.trends = new TrendModel(seed, vocabulary, book);
        double[] shares = new double[Language.count()];
        for (Language l : Language.values()) {
            shares[l.ordinal()] = l.sharePercent;
        }
        this.languages = new AliasTable(shares);
        this.messiTag = vocabulary.byNormalized("#messi");
        if (messiTag == null || messiTag.topic != Topic.MESSI || !messiTag.universal) {
            throw new IllegalStateException(
                    "the demo hashtag table needs #Messi for every language");
        }
        this.handles = new String[Language.count()][AUTHORS_PER_LANGUAGE];
        this.firstPick = new String[book.slotCount()];
        this.secondPick = new String[book.slotCount()];
    }

    /** The seed this generator was made with. */
    public long seed() {
        return seed;
    }

    /** The virtual time from which hashtag popularity is measured. */
    public Instant origin() {
        return origin;
    }

    /**
     * Post number {@code k} of the stream, written at virtual time {@code createdAt}.
     *
     * @param k the post's number, from 0
     * @param createdAt its virtual time, usually {@code origin + k / rate}; may be before the
     *     origin
     * @throws IllegalArgumentException if {@code k} is negative
     * @throws ArithmeticException if {@code createdAt} is more than 292 years from the origin
     */
    public Post post(long k, Instant createdAt) {
        Objects.requireNonNull(createdAt, "createdAt");
        if (k < 0) {
            throw new IllegalArgumentException(
                    "demo post number " + k + " is negative; number posts from 0");
        }
        long elapsed =
                Math.addExact(
                        Math.multiplyExact(
                                createdAt.getEpochSecond() - origin.getEpochSecond(),
                                1_000_000_000L),
                        createdAt.getNano() - origin.getNano());
        rng.reset(SplitMix.mix(postSeed, k));
        language = languages.sample(rng);
        TrendModel.Keyframe keyframe = trends.keyframeAt(elapsed, rng);
        boolean messi = rng.nextDouble() < MESSI_SHARE;
        topic = messi ? Topic.MESSI.ordinal() : trends.sampleTopic(keyframe, language, rng);
        chooseTags(keyframe, messi);
        String[] names = book.messiNames(language);
        int nameIndex = rng.nextInt(names.length);
        messiName = names[nameIndex];
        if (messi && !book.messiNameMatches(language, nameIndex)) {
            ensureMessiTag();
        }
        Phrasebook.Template[] choices = book.templates(language, topic, tagCount > 0);
        Phrasebook.Template template = choices[rng.nextInt(choices.length)];
        lastTemplate = template;
        String body = render(template);
        List<String> hashtags = hashtags();
        String author = author();
        return new Post(
                idPrefix + k,
                body,
                author,
                createdAt,
                Language.of(language).code,
                hashtags,
                SOURCE);
    }

    /** The topic of the last post generated, for tests. */
    Topic lastTopic() {
        return Topic.of(topic);
    }

    /** The template of the last post generated, for tests. */
    Phrasebook.Template lastTemplate() {
        return lastTemplate;
    }

    /** The hashtag popularity model, for tests. */
    TrendModel trends() {
        return trends;
    }

    private void chooseTags(TrendModel.Keyframe keyframe, boolean messi) {
        mainTag = vocabulary.tag(trends.sampleTag(keyframe, language, topic, rng));
        int[] limits = messi ? MESSI_TAG_COUNT_LIMITS : TAG_COUNT_LIMITS;
        int r = rng.nextInt(1000);
        int wanted = r < limits[0] ? 0 : r < limits[1] ? 1 : r < limits[2] ? 2 : 3;
        tagCount = 0;
        if (wanted == 0) {
            return;
        }
        tags[tagCount++] = mainTag.id;
        for (int attempt = 1; attempt < wanted; attempt++) {
            int id = trends.sampleTag(keyframe, language, topic, rng);
            if (!contains(id)) {
                tags[tagCount++] = id;
            }
        }
    }

    // First, because a template may write only the main tag ({tag} without {tags}).
    private void ensureMessiTag() {
        int at = indexOf(messiTag.id);
        if (at == 0) {
            return;
        }
        int moved = at > 0 ? at : Math.min(tagCount, MAX_TAGS - 1);
        System.arraycopy(tags, 0, tags, 1, moved);
        tags[0] = messiTag.id;
        if (at < 0) {
            tagCount = moved + 1;
        }
    }

    private boolean contains(int id) {
        return indexOf(id) >= 0;
    }

    private int indexOf(int id) {
        for (int i = 0; i < tagCount; i++) {
            if (tags[i] == id) {
                return i;
            }
        }
        return -1;
    }

    private String render(Phrasebook.Template template) {
        text.setLength(0);
        foundCount = 0;
        for (int i = 0; i < tagCount; i++) {
            written[i] = false;
        }
        for (Phrasebook.Piece piece : template.pieces) {
            switch (piece.kind) {
                case Phrasebook.LITERAL:
                    text.append(piece.text);
                    break;
                case Phrasebook.TAGS:
                    writeRemainingTags();
                    break;
                case Phrasebook.TAG:
                    writeTag(0);
                    break;
                case Phrasebook.EMOJI:
                    writeEmoji();
                    break;
                case Phrasebook.NUMBER:
                    text.append(piece.min + rng.nextInt(piece.span));
                    break;
                case Phrasebook.MESSI:
                    text.append(messiName);
                    break;
                default:
                    text.append(pick(piece));
                    break;
            }
        }
        // Pieces are used for one post only; clear what this one picked.
        for (Phrasebook.Piece piece : template.pieces) {
            if (piece.kind == Phrasebook.LIST) {
                firstPick[piece.slot] = null;
                secondPick[piece.slot] = null;
            }
        }
        if (text.length() > 0 && text.charAt(0) == ' ') {
            text.deleteCharAt(0);
        }
        return text.toString();
    }

    private void writeRemainingTags() {
        boolean any = false;
        for (int i = 0; i < tagCount; i++) {
            if (!written[i]) {
                if (any) {
                    text.append(' ');
                }
                writeTag(i);
                any = true;
            }
        }
        if (!any) {
            dropTrailingSpace();
        }
    }

    private void writeTag(int i) {
        Tag tag = vocabulary.tag(tags[i]);
        int r = rng.nextInt(100);
        text.append(
                r < DISPLAY_FORM_PERCENT
                        ? tag.display
                        : r < DISPLAY_FORM_PERCENT + LOWER_FORM_PERCENT ? tag.lower : tag.upper);
        written[i] = true;
        found[foundCount++] = tag.normalized;
    }

    private void writeEmoji() {
        if (rng.nextInt(100) >= EMOJI_PERCENT) {
            dropTrailingSpace();
            return;
        }
        String[] emoji = book.emoji(topic);
        String first = emoji[rng.nextInt(emoji.length)];
        text.append(first);
        if (rng.nextInt(100) < DOUBLE_EMOJI_PERCENT) {
            text.append(first);
        }
    }

    private void dropTrailingSpace() {
        int n = text.length();
        if (n > 0 && text.charAt(n - 1) == ' ') {
            text.setLength(n - 1);
        }
    }

    private String pick(Phrasebook.Piece piece) {
        int slot = piece.slot;
        String[] values = piece.values;
        if (!piece.second) {
            String value = firstPick[slot];
            if (value == null) {
                value = overrideFor(slot);
                if (value == null) {
                    value = values[rng.nextInt(values.length)];
                }
                firstPick[slot] = value;
            }
            return value;
        }
        String value = secondPick[slot];
        if (value == null) {
            int i = rng.nextInt(values.length);
            if (values[i].equals(firstPick[slot]) && values.length > 1) {
                i = (i + 1 + rng.nextInt(values.length - 1)) % values.length;
            }
            value = values[i];
            secondPick[slot] = value;
        }
        return value;
    }

    private String overrideFor(int slot) {
        Tag tag = mainTag;
        if (tag.overrideSlot == null || book.slotId(tag.overrideSlot) != slot) {
            return null;
        }
        return tag.overrideValues[language];
    }

    private List<String> hashtags() {
        switch (foundCount) {
            case 0:
                return List.of();
            case 1:
                return List.of(found[0]);
            case 2:
                return List.of(found[0], found[1]);
            case 3:
                return List.of(found[0], found[1], found[2]);
            default:
                return List.of(found[0], found[1], found[2], found[3]);
        }
    }

    private String author() {
        // Heavy users: the square makes low indices far more frequent than high ones.
        double u = rng.nextDouble();
        int index = (int) (u * u * AUTHORS_PER_LANGUAGE);
        String handle = handles[language][index];
        if (handle == null) {
            handle = makeHandle(language, index);
            handles[language][index] = handle;
        }
        return handle;
    }

    private String makeHandle(int language, int index) {
        long h = SplitMix.mix(handleSeed, (long) language * AUTHORS_PER_LANGUAGE + index);
        String[] names = book.handleNames(language);
        String[] words = book.handleWords();
        String name = names[(int) Long.remainderUnsigned(h, names.length)].toLowerCase(Locale.ROOT);
        long h2 = SplitMix.mix(h);
        String word = words[(int) Long.remainderUnsigned(h2, words.length)];
        int number = (int) Long.remainderUnsigned(h2 >>> 20, 100);
        switch ((int) Long.remainderUnsigned(h >>> 40, 6)) {
            case 0:
                return name + "_" + word;
            case 1:
                return name + "." + word;
            case 2:
                return name + (number < 10 ? "0" + number : String.valueOf(number));
            case 3:
                return word + "_" + name;
            case 4:
                return name + "_" + word + number;
            default:
                return name + (1975 + number % 32);
        }
    }
}
