package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.streaming.Durations;
import dev.ember.streaming.StreamingContext;
import dev.ember.streaming.Tuple2;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * print() and print(n) write Spark's exact text for every batch, empty ones included: 43 dashes,
 * "Time: <ms> ms", 43 dashes, the first n elements, "..." if there are more, a blank line.
 */
class PrintTest {
    private static final String DASHES = "-------------------------------------------";

    private final StreamingContext ssc =
            new StreamingContext("local[2]", "PrintTest", Durations.seconds(1));
    private final StreamingTestDriver driver = StreamingTestDriver.create(ssc);
    private TestInput<String> letters;

    @BeforeEach
    void createInput() {
        letters = driver.newInput("letters");
    }

    @AfterEach
    void closeDriver() {
        driver.close();
    }

    @Test
    void outputWrittenToThePrintStreamInterleavesWithPrintedBatches() {
        letters.stream().print();
        letters.stream().foreachRDD(batch -> ssc.printStream().println("after print"));
        driver.start();

        letters.add("a");
        driver.advanceBatches(1);

        assertEquals(
                DASHES + "\nTime: 1000 ms\n" + DASHES + "\na\n\nafter print\n", driver.printed());
    }

    @Test
    void printWithNumWritesTheFirstNElementsAndAnEllipsis() {
        letters.stream().print(2);
        driver.start();

        letters.add("a", "b", "c");
        driver.advanceBatches(1);

        assertEquals(
                "-------------------------------------------\n"
                        + "Time: 1000 ms\n"
                        + "-------------------------------------------\n"
                        + "a\n"
                        + "b\n"
                        + "...\n"
                        + "\n",
                driver.printed());
    }

    @Test
    void printWritesEveryBatchIncludingEmptyOnes() {
        letters.stream().print();
        driver.start();

        letters.add("a", "b", "c");
        driver.advanceBatches(2);
        letters.add("d");
        driver.advanceBatches(1);

        assertEquals(
                header(1_000) + "a\nb\nc\n\n" + header(2_000) + "\n" + header(3_000) + "d\n\n",
                driver.printed());
    }

    @Test
    void printWritesNoEllipsisWhenTheBatchHasExactlyNumElements() {
        letters.stream().print(2);
        driver.start();

        letters.add("a", "b");
        driver.advanceBatches(1);

        assertEquals(header(1_000) + "a\nb\n\n", driver.printed());
    }

    @Test
    void printShowsTenElementsByDefault() {
        letters.stream().print();
        driver.start();

        letters.addAll(
                IntStream.rangeClosed(1, 11).mapToObj(i -> "e" + i).collect(Collectors.toList()));
        driver.advanceBatches(1);
        letters.addAll(
                IntStream.rangeClosed(1, 10).mapToObj(i -> "f" + i).collect(Collectors.toList()));
        driver.advanceBatches(1);

        String firstTen =
                IntStream.rangeClosed(1, 10)
                        .mapToObj(i -> "e" + i + "\n")
                        .collect(Collectors.joining());
        String exactlyTen =
                IntStream.rangeClosed(1, 10)
                        .mapToObj(i -> "f" + i + "\n")
                        .collect(Collectors.joining());
        assertEquals(
                header(1_000) + firstTen + "...\n\n" + header(2_000) + exactlyTen + "\n",
                driver.printed());
    }

    @Test
    void printZeroWritesOnlyTheHeaderAndAnEllipsisWhenThereAreElements() {
        letters.stream().print(0);
        driver.start();

        letters.add("a");
        driver.advanceBatches(2);

        assertEquals(header(1_000) + "...\n\n" + header(2_000) + "\n", driver.printed());
    }

    @Test
    void printWritesPairsAsKeyAndValueInParentheses() {
        letters.stream().mapToPair(s -> Tuple2.of(s, s.length())).print();
        driver.start();

        letters.add("a", "bb");
        driver.advanceBatches(1);

        assertEquals(header(1_000) + "(a,1)\n(bb,2)\n\n", driver.printed());
    }

    @Test
    void printWritesNumbersByTheirToString() {
        letters.stream().count().print();
        driver.start();

        letters.add("a", "b", "c");
        driver.advanceBatches(2);

        assertEquals(header(1_000) + "3\n\n" + header(2_000) + "0\n\n", driver.printed());
    }

    @Test
    void severalPrintsWriteInDeclarationOrder() {
        letters.stream().print(1);
        letters.stream().map(String::toUpperCase).print(1);
        driver.start();

        letters.add("a", "b");
        driver.advanceBatches(1);

        assertEquals(
                header(1_000) + "a\n...\n\n" + header(1_000) + "A\n...\n\n", driver.takePrinted());
        driver.advanceBatches(1);
        assertEquals(header(2_000) + "\n" + header(2_000) + "\n", driver.takePrinted());
    }

    @Test
    void printKeepsNonAsciiTextIntact() {
        letters.stream().print();
        driver.start();

        letters.add("héllo", "日本", "🔥");
        driver.advanceBatches(1);

        assertEquals(header(1_000) + "héllo\n日本\n🔥\n\n", driver.printed());
    }

    private static String header(long millis) {
        return DASHES + "\nTime: " + millis + " ms\n" + DASHES + "\n";
    }
}
