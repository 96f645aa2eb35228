package dev.ember.streaming.internal;

import dev.ember.spi.ReceiverSupervisor;
import dev.ember.streaming.Receiver;
import java.util.function.BiConsumer;

/**
 * Lets the SPI connect a receiver to its supervisor without a public method on {@link Receiver}:
 * {@code Receiver}'s class initializer installs the hook, which has run by the time a runner holds
 * a receiver.
 */
public final class ReceiverHook {
    private static volatile BiConsumer<Receiver<?>, ReceiverSupervisor> attach;

    private ReceiverHook() {}

    /** Installed once, by {@code Receiver}. */
    public static void install(BiConsumer<Receiver<?>, ReceiverSupervisor> hook) {
        if (attach != null) {
            throw new IllegalStateException("the receiver hook is installed already");
        }
        attach = hook;
    }

    /** Connects {@code receiver} to {@code supervisor}. */
    public static void attach(Receiver<?> receiver, ReceiverSupervisor supervisor) {
        attach.accept(receiver, supervisor);
    }
}
