package dev.ember.cli.internal;

import java.util.Arrays;
import java.util.Random;

/**
 * Deterministic English-like lines for the demo feeder: 8 to 12 lower-case words from a vocabulary
 * of about 200, laid out by small sentence templates ("the quiet river carries a silver lantern
 * over the bridge").
 *
 * <p>Within each word class the choice follows Zipf's law (the word of rank r has weight 1/r), so
 * every batch has a few frequent words ("the", "of", "stream") and a long tail, as real text does.
 * The same seed gives the same lines. Not thread-safe: one instance per connection.
 */
final class DemoText {
    /** The seed of every demo connection, so every run shows the same text. */
    static final long SEED = 20_130_101L;

    private static final WordClass DETERMINERS =
            new WordClass("the a every this each our no some that one its their");

    private static final WordClass ADJECTIVES =
            new WordClass(
                    "new small quick quiet bright long old little early late fast slow green cold"
                            + " warm dark clear open busy steady silver wild gentle heavy narrow"
                            + " hidden distant golden sudden patient hungry lazy clever simple"
                            + " empty broken ancient curious loud tiny bold proud soft");

    private static final WordClass NOUNS =
            new WordClass(
                    "stream river window batch word city night light morning engine signal record"
                            + " story train cloud market sea road bird server garden letter fire"
                            + " forest child storm clock bridge voice song harbor tower machine"
                            + " mountain village moment message lantern island queue ship rain"
                            + " page key table field wave door ledger packet meadow valley falcon"
                            + " pebble kettle compass orchard beacon thread socket winter summer"
                            + " spark anchor feather candle echo");

    private static final WordClass VERBS =
            new WordClass(
                    "counts finds carries reads holds sends follows watches joins keeps meets turns"
                            + " writes opens crosses hears builds remembers passes answers gathers"
                            + " sorts lights chases covers breaks fills greets marks shapes tracks"
                            + " lifts splits pulls draws wakes guards paints trades hides");

    private static final WordClass PREPOSITIONS =
            new WordClass(
                    "of in to with on over under near through from across behind beyond along"
                            + " past into");

    private static final WordClass ADVERBS =
            new WordClass(
                    "again slowly always quickly often never quietly soon still gently twice"
                            + " together later suddenly rarely softly");

    private static final WordClass CONJUNCTIONS = new WordClass("and but while because so until");

    // D determiner, A adjective, N noun, V verb, P preposition, R adverb, C conjunction.
    private static final String[] TEMPLATES = {
        "DNVDNPDN",
        "DANVDNPDN",
        "DANVRPDAN",
        "DNPDANVDN",
        "DNVDANPDAN",
        "DANVDANPDN",
        "DANVDNCDNVR",
        "DNVDANCDNVDN",
    };

    private final Random random;
    private final StringBuilder line = new StringBuilder(96);

    DemoText(long seed) {
        this.random = new Random(seed);
    }

    /** The number of distinct words these lines are made of. */
    static int vocabularySize() {
        return DETERMINERS.words.length
                + ADJECTIVES.words.length
                + NOUNS.words.length
                + VERBS.words.length
                + PREPOSITIONS.words.length
                + ADVERBS.words.length
                + CONJUNCTIONS.words.length;
    }

    /** The next line, without a line terminator. */
    String nextLine() {
        String template = TEMPLATES[random.nextInt(TEMPLATES.length)];
        line.setLength(0);
        for (int i = 0; i < template.length(); i++) {
            if (i > 0) {
                line.append(' ');
            }
            line.append(wordClass(template.charAt(i)).pick(random));
        }
        return line.toString();
    }

    private static WordClass wordClass(char symbol) {
        return switch (symbol) {
            case 'D' -> DETERMINERS;
            case 'A' -> ADJECTIVES;
            case 'N' -> NOUNS;
            case 'V' -> VERBS;
            case 'P' -> PREPOSITIONS;
            case 'R' -> ADVERBS;
            case 'C' -> CONJUNCTIONS;
            default -> throw new IllegalArgumentException("unknown word class '" + symbol + "'");
        };
    }

    /** Words of one class, most frequent first, drawn with Zipf weights 1/rank. */
    private static final class WordClass {
        final String[] words;
        // cumulative[i] is the total weight of words 0..i.
        private final double[] cumulative;

        WordClass(String spaceSeparated) {
            this.words = spaceSeparated.split(" ");
            this.cumulative = new double[words.length];
            double total = 0;
            for (int rank = 1; rank <= words.length; rank++) {
                total += 1.0 / rank;
                cumulative[rank - 1] = total;
            }
        }

        String pick(Random random) {
            double target = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, target);
            return words[i >= 0 ? i : Math.min(-i - 1, words.length - 1)];
        }
    }
}
