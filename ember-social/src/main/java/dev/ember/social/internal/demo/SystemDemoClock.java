package dev.ember.social.internal.demo;

import java.time.Instant;
import java.util.concurrent.locks.LockSupport;

/** The wall clock; waits park the thread, so an unpark from {@link DemoSource#close()} ends one. */
final class SystemDemoClock implements DemoClock {
    static final SystemDemoClock INSTANCE = new SystemDemoClock();

    private SystemDemoClock() {}

    @Override
    public Instant now() {
        return Instant.now();
    }

    @Override
    public long nanoTime() {
        return System.nanoTime();
    }

    @Override
    public void sleepNanos(long nanos) throws InterruptedException {
        LockSupport.parkNanos(nanos);
        if (Thread.interrupted()) {
            throw new InterruptedException();
        }
    }
}
