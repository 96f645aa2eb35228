package dev.ember.social.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CloseSignalTest {

    @Test
    void runsTheRegisteredActionsOnceOnClose() {
        CloseSignal signal = new CloseSignal();
        List<String> ran = new ArrayList<>();
        signal.onClose(() -> ran.add("a"));
        CloseSignal.Registration b = signal.onClose(() -> ran.add("b"));
        b.close();

        signal.close();
        signal.close();

        assertEquals(List.of("a"), ran);
        assertTrue(signal.isClosed());
    }

    @Test
    void runsAnActionRegisteredAfterCloseAtOnce() {
        CloseSignal signal = new CloseSignal();
        signal.close();
        List<String> ran = new ArrayList<>();

        signal.onClose(() -> ran.add("late"));

        assertEquals(List.of("late"), ran);
    }

    @Test
    void awaitAnswersWhetherItWasClosed() throws Exception {
        CloseSignal signal = new CloseSignal();

        assertFalse(signal.await(1_000));
        signal.close();
        assertTrue(signal.await(Long.MAX_VALUE));
    }

    @Test
    void theSystemClockSleepsNotAtAllOnceClosed() throws Exception {
        CloseSignal signal = new CloseSignal();
        signal.close();

        assertFalse(SourceClock.system().sleep(java.time.Duration.ofDays(1), signal));
    }
}
