package dev.ember.social.internal;

import dev.ember.social.Post;
import dev.ember.social.PostSource;
import dev.ember.streaming.Receiver;
import dev.ember.streaming.SourceException;
import dev.ember.streaming.StorageLevel;
import dev.ember.streaming.function.Function0;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a post source on a thread of its own and stores what it delivers.
 *
 * <p>The first start runs the source made when the stream was defined, when this receiver still has
 * it (in the JVM that defined it); every other start makes a fresh source from the factory, because
 * a source runs once. The thread ends in one of three ways: the source is exhausted (stop for good,
 * the stream goes on), it cannot go on (a {@link SourceException}: stop for good with the reason),
 * or it failed unexpectedly (restart after a delay with a new source, which the receiver framework
 * does by calling {@link #onStop} and {@link #onStart} again).
 */
public final class PostReceiver extends Receiver<Post> {
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(PostReceiver.class);

    private final Function0<? extends PostSource> sourceFactory;
    private transient volatile PostSource first;
    private transient volatile PostSource source;
    private transient volatile Thread thread;

    /**
     * @param sourceFactory makes the sources of restarts
     * @param first the source the factory made when the stream was defined, run by the first start
     */
    public PostReceiver(Function0<? extends PostSource> sourceFactory, PostSource first) {
        super(StorageLevel.MEMORY_AND_DISK_SER_2);
        this.sourceFactory = sourceFactory;
        this.first = first;
    }

    @Override
    public void onStart() {
        PostSource made = first;
        first = null;
        if (made == null) {
            try {
                made = sourceFactory.call();
            } catch (Exception e) {
                stop("the post source could not be created: " + e.getMessage(), e);
                return;
            }
        }
        PostSource s = made;
        if (s == null) {
            stop(
                    "the post source factory returned null; return a source such as"
                            + " PostSources.bluesky().build()");
            return;
        }
        source = s;
        Thread t = new Thread(() -> receive(s), "ember-posts-" + s.description());
        t.setDaemon(true);
        thread = t;
        t.start();
    }

    private void receive(PostSource s) {
        try {
            s.run(this::store);
            if (!isStopped()) {
                LOG.info("post source {} ended", s.description());
                stop("post source " + s.description() + " ended");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SourceException e) {
            if (!isStopped()) {
                LOG.error("post source {} stopped: {}", s.description(), e.getMessage());
                stop("post source " + s.description() + " stopped: " + e.getMessage(), e);
            }
        } catch (RuntimeException e) {
            if (!isStopped()) {
                restart("post source " + s.description() + " failed; restarting it", e);
            }
        }
    }

    @Override
    public void onStop() {
        PostSource s = source;
        if (s != null) {
            s.close();
        }
        Thread t = thread;
        if (t != null && t != Thread.currentThread()) {
            t.interrupt();
        }
    }
}
