package dev.ember.engine.internal.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class CombineMapTest {

    private static void add(CombineMap map, Object key, long value) {
        int hash = key == null ? 0 : key.hashCode();
        int slot = map.slotOf(key, hash);
        int e = map.entryAt(slot);
        if (e < 0) {
            map.insertAt(slot, key, hash, value);
        } else {
            map.setValue(e, (Long) map.value(e) + value);
        }
    }

    @Test
    void keepsKeysInOrderOfFirstAppearanceAcrossGrowth() {
        CombineMap map = new CombineMap(2);
        for (int round = 0; round < 3; round++) {
            for (int k = 0; k < 10_000; k++) {
                add(map, "k" + k, 1);
            }
        }
        assertEquals(10_000, map.size());
        for (int e = 0; e < map.size(); e++) {
            assertEquals("k" + e, map.key(e));
            assertEquals(3L, map.value(e));
        }
    }

    @Test
    void combinesNullKeyLikeAnyOther() {
        CombineMap map = new CombineMap();
        add(map, null, 2);
        add(map, "a", 1);
        add(map, null, 5);
        assertEquals(2, map.size());
        assertNull(map.key(0));
        assertEquals(7L, map.value(0));
    }

    @Test
    void separatesKeysWithEqualHashCodes() {
        // "Aa" and "BB" share a hash code.
        CombineMap map = new CombineMap();
        add(map, "Aa", 1);
        add(map, "BB", 10);
        add(map, "Aa", 1);
        assertEquals(2, map.size());
        List<Object> values = new ArrayList<>();
        for (int e = 0; e < map.size(); e++) {
            values.add(map.value(e));
        }
        assertEquals(List.of(2L, 10L), values);
    }

    @Test
    void shortFormIsExactForShortLatinOneStringsOnly() {
        assertEquals(CombineMap.shortForm("abc"), CombineMap.shortForm(new String("abc")));
        assertNotEquals(CombineMap.shortForm("abc"), CombineMap.shortForm("abd"));
        assertNotEquals(CombineMap.shortForm("a"), CombineMap.shortForm("a\u0000"));
        assertNotEquals(0L, CombineMap.shortForm(""));
        assertNotEquals(0L, CombineMap.shortForm("#tag123"));
        assertEquals(0L, CombineMap.shortForm("eightchr"));
        assertEquals(0L, CombineMap.shortForm("日本"));
        assertEquals(0L, CombineMap.shortForm(42));
        assertEquals(0L, CombineMap.shortForm(null));
    }

    @Test
    void findsShortAndLongStringKeysBuiltAtDifferentTimes() {
        CombineMap map = new CombineMap();
        String[] keys = {"", "a", "a\u0000", "é", "#tag123", "eightchr", "日本", "ab"};
        for (String k : keys) {
            add(map, new String(k), 1);
        }
        for (String k : keys) {
            add(map, new String(k), 1);
        }
        assertEquals(keys.length, map.size());
        for (int e = 0; e < map.size(); e++) {
            assertEquals(keys[e], map.key(e));
            assertEquals(2L, map.value(e));
        }
    }
}
