package dev.ember.social.internal.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LineLogTest {

    private static byte[] line(int bytes) {
        return new byte[bytes];
    }

    @Test
    void evictsTheOldestLinesToStayWithinItsBytesCountingEachLinesOverhead() {
        // Each line costs 68 + 32 = 100 bytes: 3 fit in 300.
        LineLog log = new LineLog(300);
        for (int i = 0; i < 3; i++) {
            log.append(line(68));
        }
        assertEquals(0, log.head());
        assertEquals(3, log.tail());

        log.append(line(68));
        assertEquals(1, log.head());
        assertEquals(4, log.tail());

        // A line of 168 + 32 bytes takes the room of two.
        log.append(line(168));
        assertEquals(3, log.head());
        assertEquals(5, log.tail());
    }

    @Test
    void alwaysKeepsTheNewestLineEvenWhenItIsLongerThanTheCapacity() {
        LineLog log = new LineLog(1024);
        log.append(line(10));
        byte[] huge = line(5000);
        log.append(huge);
        assertEquals(1, log.head());
        assertEquals(2, log.tail());

        LineLog.Batch batch = new LineLog.Batch(8);
        log.read(0, batch, 1 << 16);
        assertEquals(1, batch.first);
        assertEquals(1, batch.count);
        assertSame(huge, batch.lines[0]);
    }

    @Test
    void readsFromTheHeadWhenTheLinesAskedForAreGone() {
        LineLog log = new LineLog(1000);
        byte[][] lines = new byte[30][];
        for (int i = 0; i < 30; i++) {
            lines[i] = line(68);
            log.append(lines[i]);
        }
        // 1000 bytes hold 10 lines of 100: lines 20 to 29.
        LineLog.Batch batch = new LineLog.Batch(100);
        log.read(5, batch, 1 << 16);
        assertEquals(20, batch.first);
        assertEquals(10, batch.count);
        for (int i = 0; i < 10; i++) {
            assertSame(lines[20 + i], batch.lines[i]);
        }
        log.read(27, batch, 1 << 16);
        assertEquals(27, batch.first);
        assertEquals(3, batch.count);
    }

    @Test
    void aReadStopsAtTheBatchSizeOrAfterTheLineThatReachesTheByteLimit() {
        LineLog log = new LineLog(1 << 20);
        for (int i = 0; i < 100; i++) {
            log.append(line(100));
        }
        LineLog.Batch small = new LineLog.Batch(4);
        log.read(0, small, 1 << 16);
        assertEquals(4, small.count);

        LineLog.Batch batch = new LineLog.Batch(100);
        log.read(0, batch, 250);
        assertEquals(0, batch.first);
        assertEquals(3, batch.count, "two lines make 200 bytes, the third reaches 250");

        batch.clear();
        assertEquals(0, batch.count);
        assertEquals(null, batch.lines[0]);
    }

    @Test
    void trimsTheLinesEveryClientHasWrittenButNeverPastTheNewest() {
        LineLog log = new LineLog(1 << 20);
        for (int i = 0; i < 10; i++) {
            log.append(line(10));
        }
        log.trim(4);
        assertEquals(4, log.head());
        log.trim(2);
        assertEquals(4, log.head());
        log.trim(99);
        assertEquals(10, log.head());
        assertEquals(10, log.tail());

        // Trimmed lines free their room.
        LineLog small = new LineLog(100);
        small.append(line(18));
        small.append(line(18));
        small.trim(2);
        small.append(line(68));
        assertEquals(2, small.head());
    }

    @Test
    void growsBeyondItsFirstSlotsAndKeepsTheOrder() {
        LineLog log = new LineLog(1 << 20);
        byte[][] lines = new byte[500][];
        for (int i = 0; i < 500; i++) {
            lines[i] = line(1 + i % 7);
            log.append(lines[i]);
        }
        LineLog.Batch batch = new LineLog.Batch(1000);
        log.read(0, batch, Integer.MAX_VALUE);
        assertEquals(500, batch.count);
        for (int i = 0; i < 500; i++) {
            assertSame(lines[i], batch.lines[i]);
        }
    }
}
