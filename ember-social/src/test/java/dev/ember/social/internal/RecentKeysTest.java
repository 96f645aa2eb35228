package dev.ember.social.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RecentKeysTest {

    @Test
    void remembersAKeyOnce() {
        RecentKeys keys = new RecentKeys(10);

        assertTrue(keys.add("a", 1));
        assertFalse(keys.add("a", 2));
        assertTrue(keys.contains("a"));
    }

    @Test
    void forgetsKeysOlderThanATimeOldestFirst() {
        RecentKeys keys = new RecentKeys(10);
        keys.add("a", 1);
        keys.add("b", 2);
        keys.add("c", 3);

        keys.forgetBefore(3);

        assertFalse(keys.contains("a"));
        assertFalse(keys.contains("b"));
        assertTrue(keys.contains("c"));
        assertEquals(1, keys.size());
    }

    @Test
    void dropsTheOldestKeyBeyondItsCapacity() {
        RecentKeys keys = new RecentKeys(2);
        keys.add("a", 1);
        keys.add("b", 1);

        keys.add("c", 1);

        assertEquals(2, keys.size());
        assertFalse(keys.contains("a"));
        assertTrue(keys.add("a", 1), "a forgotten key is new again");
    }
}
