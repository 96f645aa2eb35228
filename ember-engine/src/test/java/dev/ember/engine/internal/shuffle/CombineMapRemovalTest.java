package dev.ember.engine.internal.shuffle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

public class CombineMapRemovalTest {

    private static void put(CombineMap map, Object key, Object value, long time) {
        int hash = CombineMap.hashOf(key);
        int slot = map.slotOf(key, hash);
        int e = map.entryAt(slot);
        if (e < 0) {
            map.insertAt(slot, key, hash, value, time);
        } else {
            map.setValue(e, value);
            map.setLong(e, time);
        }
    }

    private static Map<Object, Object> contents(CombineMap map) {
        Map<Object, Object> out = new HashMap<>();
        for (int e = 0; e < map.size(); e++) {
            out.put(map.key(e), map.value(e));
        }
        return out;
    }

    /** Colliding hashes make long probe runs, where removal must shift later slots back. */
    private record Colliding(int id) {
        @Override
        public int hashCode() {
            return id % 7;
        }
    }

    @Test
    void matchesAHashMapUnderRandomPutsAndRemovesWithCollidingHashes() {
        Random random = new Random(20261128);
        CombineMap map = CombineMap.ofLongs(2);
        Map<Object, Object> model = new HashMap<>();
        for (int step = 0; step < 200_000; step++) {
            Object key =
                    random.nextInt(4) == 0
                            ? new Colliding(random.nextInt(300))
                            : (Object) random.nextInt(2_000);
            int hash = CombineMap.hashOf(key);
            int e = map.find(key, hash);
            if (random.nextInt(3) == 0) {
                if (e >= 0) {
                    map.remove(e);
                }
                model.remove(key);
            } else {
                put(map, key, step, step);
                model.put(key, step);
            }
            assertEquals(model.size(), map.size());
        }
        assertEquals(model, contents(map));
        for (Map.Entry<Object, Object> entry : model.entrySet()) {
            int e = map.find(entry.getKey(), CombineMap.hashOf(entry.getKey()));
            assertEquals(entry.getValue(), map.value(e));
            assertEquals(((Integer) entry.getValue()).longValue(), map.longValue(e));
        }
    }

    @Test
    void removingWhileScanningBackwardsVisitsEveryEntryOnce() {
        CombineMap map = CombineMap.ofLongs(16);
        for (int k = 0; k < 1_000; k++) {
            put(map, k, k, 0);
        }
        int visited = 0;
        for (int e = map.size() - 1; e >= 0; e--) {
            visited++;
            if ((Integer) map.key(e) % 2 == 0) {
                map.remove(e);
            }
        }
        assertEquals(1_000, visited);
        assertEquals(500, map.size());
        for (int e = 0; e < map.size(); e++) {
            assertEquals(1, (Integer) map.key(e) % 2);
        }
    }

    @Test
    void holdsANullKeyLikeAnyOther() {
        CombineMap map = CombineMap.ofLongs(16);
        put(map, null, "n", 1);
        put(map, "a", "a", 1);
        map.remove(map.find(null, 0));
        assertEquals(-1, map.find(null, 0));
        assertEquals(Map.of("a", "a"), contents(map));
    }
}
