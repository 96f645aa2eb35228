package dev.ember.streaming.internal.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The compact set of remembered files, against a HashMap under random operations. */
class FileSetTest {
    @Test
    void agreesWithAMapUnderRandomPutsRemovesAndSweeps() {
        Random random = new Random(13);
        FileSet set = new FileSet();
        Map<Long, Long> expected = new HashMap<>();
        for (int round = 0; round < 200; round++) {
            for (int op = 0; op < 500; op++) {
                // Few distinct keys with colliding slots, so probe runs are long and wrap around.
                long key = 1 + random.nextInt(3_000);
                if (random.nextInt(3) == 0) {
                    assertEquals(expected.remove(key) != null, set.remove(key));
                } else {
                    long fingerprint = random.nextLong();
                    set.put(key, fingerprint, 0);
                    expected.put(key, fingerprint);
                }
            }
            for (Map.Entry<Long, Long> e : expected.entrySet()) {
                int slot = set.find(e.getKey());
                assertEquals(e.getValue(), set.fingerprint(slot), "key " + e.getKey());
            }
            assertEquals(expected.size(), set.size());
            // A listing that meets half the keys sweeps the other half out.
            set.beginListing();
            Set<Long> met = new HashSet<>();
            for (long key : expected.keySet()) {
                if (random.nextBoolean()) {
                    set.markSeen(set.find(key));
                    met.add(key);
                }
            }
            Set<Long> swept = new HashSet<>();
            set.sweep(swept::add);
            Set<Long> notMet = new HashSet<>(expected.keySet());
            notMet.removeAll(met);
            assertEquals(notMet, swept);
            expected.keySet().retainAll(met);
            assertEquals(expected.size(), set.size());
        }
    }
}
