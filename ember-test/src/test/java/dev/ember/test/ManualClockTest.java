package dev.ember.test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManualClockTest {

    @Test
    void startsAtZero() {
        assertEquals(0L, new ManualClock().currentTimeMillis());
    }

    @Test
    void startsAtTheGivenTime() {
        assertEquals(5_000L, new ManualClock(5_000L).currentTimeMillis());
    }

    @Test
    void rejectsANegativeStartTime() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ManualClock(-1));
        assertEquals("startMillis of ManualClock must not be negative, got -1", e.getMessage());
    }

    @Test
    void advanceMovesTimeForwardByTheGivenAmount() {
        ManualClock clock = new ManualClock(100);
        clock.advance(250);
        clock.advance(0);
        clock.advance(650);
        assertEquals(1_000L, clock.currentTimeMillis());
    }

    @Test
    void advanceToMovesTimeToTheGivenTime() {
        ManualClock clock = new ManualClock();
        clock.advanceTo(3_000);
        clock.advanceTo(3_000);
        assertEquals(3_000L, clock.currentTimeMillis());
    }

    @Test
    void rejectsMovingBackwards() {
        ManualClock clock = new ManualClock(3_000);
        IllegalArgumentException back =
                assertThrows(IllegalArgumentException.class, () -> clock.advanceTo(2_000));
        assertEquals(
                "cannot move the clock back from 3000 ms to 2000 ms: a ManualClock never goes"
                        + " backwards",
                back.getMessage());
        IllegalArgumentException negative =
                assertThrows(IllegalArgumentException.class, () -> clock.advance(-1));
        assertTrue(negative.getMessage().contains("got -1"), negative.getMessage());
        assertEquals(3_000L, clock.currentTimeMillis());
    }

    @Test
    void callsListenersWithTheNewTimeOnTheAdvancingThreadAfterUpdatingIt() {
        ManualClock clock = new ManualClock();
        List<String> calls = new ArrayList<>();
        clock.onAdvance(
                now ->
                        calls.add(
                                "first "
                                        + now
                                        + " clock="
                                        + clock.currentTimeMillis()
                                        + " "
                                        + Thread.currentThread().getName()));
        clock.onAdvance(now -> calls.add("second " + now));
        clock.advance(1_000);
        clock.advanceTo(3_000);
        String thread = Thread.currentThread().getName();
        assertEquals(
                List.of(
                        "first 1000 clock=1000 " + thread,
                        "second 1000",
                        "first 3000 clock=3000 " + thread,
                        "second 3000"),
                calls);
    }

    @Test
    void advancePropagatesWhatAListenerThrowsAndKeepsTheNewTime() {
        ManualClock clock = new ManualClock();
        IllegalStateException failure = new IllegalStateException("batch failed");
        clock.onAdvance(
                now -> {
                    if (now == 2_000) {
                        throw failure;
                    }
                });
        clock.advance(1_000);
        IllegalStateException thrown =
                assertThrows(IllegalStateException.class, () -> clock.advance(1_000));
        assertSame(failure, thrown);
        assertEquals(2_000L, clock.currentTimeMillis());
    }

    @Test
    void rejectsANullListener() {
        assertThrows(NullPointerException.class, () -> new ManualClock().onAdvance(null));
    }
}
