package dev.ember.ui.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedHistoryTest {
    @Test
    void keepsTheNewestEntriesThatFitTheBudgetInBytes() {
        BoundedHistory<String> history = new BoundedHistory<>(100);
        history.add("a", 40);
        history.add("b", 40);
        assertEquals(List.of("a", "b"), history.all());
        history.add("c", 40);
        assertEquals(List.of("b", "c"), history.all());
        assertEquals(80, history.bytes());
        assertEquals(1, history.dropped());
        assertEquals(List.of("c"), history.newest(1));
        assertEquals("c", history.latest());
    }

    @Test
    void alwaysKeepsTheNewestEvenWhenItAloneIsOverBudget() {
        BoundedHistory<String> history = new BoundedHistory<>(100);
        history.add("small", 10);
        history.add("huge", 500);
        assertEquals(List.of("huge"), history.all());
        assertEquals(500, history.bytes());
    }

    @Test
    void isEmptyAtFirst() {
        BoundedHistory<String> history = new BoundedHistory<>(100);
        assertNull(history.latest());
        assertEquals(List.of(), history.newest(5));
    }
}
