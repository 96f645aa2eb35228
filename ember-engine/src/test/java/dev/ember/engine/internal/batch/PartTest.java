package dev.ember.engine.internal.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

public class PartTest {

    private static List<Object> contents(Part part) {
        List<Object> out = new ArrayList<>();
        part.pushTo(
                new Sink() {
                    @Override
                    public void accept(Object e) {
                        out.add(e);
                    }
                });
        return out;
    }

    @Test
    void cutsOneLargeBlockIntoEqualViewsInOrder() {
        List<Integer> block = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            block.add(i);
        }
        List<Part> parts = Part.balance(List.of(block), 3);
        assertEquals(3, parts.size());
        assertEquals(List.of(0, 1, 2, 3), contents(parts.get(0)));
        assertEquals(List.of(4, 5, 6, 7), contents(parts.get(1)));
        assertEquals(List.of(8, 9), contents(parts.get(2)));
    }

    @Test
    void spreadsManySmallBlocksAndSkipsEmptyOnes() {
        List<List<?>> blocks = List.of(List.of("a"), List.of(), List.of("b", "c"), List.of("d"));
        List<Part> parts = Part.balance(blocks, 2);
        assertEquals(2, parts.size());
        assertEquals(List.of("a", "b"), contents(parts.get(0)));
        assertEquals(List.of("c", "d"), contents(parts.get(1)));
    }

    @Test
    void neverMakesMorePartsThanElements() {
        assertEquals(1, Part.balance(List.of(List.of("only")), 8).size());
        assertEquals(0, Part.balance(List.of(List.of()), 8).size());
    }
}
