package dev.ember.engine.internal.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.ember.engine.internal.batch.KnownFunctions.Sum;
import dev.ember.streaming.function.Function2;
import org.junit.jupiter.api.Test;

public class KnownFunctionsTest {

    private static Sum ints(Function2<Integer, Integer, Integer> fn) {
        return KnownFunctions.sumOf(fn);
    }

    private static Sum longs(Function2<Long, Long, Long> fn) {
        return KnownFunctions.sumOf(fn);
    }

    @Test
    void recognisesSumMethodReferences() {
        assertEquals(Sum.INT, ints(Integer::sum));
        assertEquals(Sum.LONG, longs(Long::sum));
    }

    @Test
    void recognisesSumLambdasInEitherOrder() {
        assertEquals(Sum.INT, ints((i1, i2) -> i1 + i2));
        assertEquals(Sum.INT, ints((i1, i2) -> i2 + i1));
        assertEquals(Sum.LONG, longs((a, b) -> a + b));
    }

    @Test
    void leavesEverythingElseAlone() {
        int offset = 1;
        assertEquals(Sum.NONE, ints((a, b) -> a * b));
        assertEquals(Sum.NONE, ints((a, b) -> a + b + 1));
        assertEquals(Sum.NONE, ints((a, b) -> a - b));
        assertEquals(Sum.NONE, ints((a, b) -> a + b + offset));
        assertEquals(Sum.NONE, ints(Math::max));
        assertEquals(Sum.NONE, longs((a, b) -> a));
        assertEquals(
                Sum.NONE,
                ints(
                        new Function2<>() {
                            @Override
                            public Integer call(Integer a, Integer b) {
                                return a + b;
                            }
                        }));
    }
}
