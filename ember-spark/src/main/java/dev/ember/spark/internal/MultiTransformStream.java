package dev.ember.spark.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.rdd.RDD;
import org.apache.spark.streaming.Duration;
import org.apache.spark.streaming.Time;
import org.apache.spark.streaming.dstream.DStream;
import scala.Option;
import scala.jdk.javaapi.CollectionConverters;
import scala.reflect.ClassTag$;

/**
 * A transform of several streams, as Spark's {@code TransformedDStream} but holding its function as
 * a plain driver-side object: Spark's own checks that the function serialises, although it runs
 * only on the driver, where Ember's single-stream transform (Spark's {@code DStream.transform})
 * needs nothing of the kind.
 */
final class MultiTransformStream extends DStream<Object> {
    private static final long serialVersionUID = 1L;

    private final List<DStream<?>> parents;
    private final transient BiFunction<List<JavaRDD<?>>, Time, JavaRDD<Object>> fn;

    MultiTransformStream(
            List<DStream<?>> parents, BiFunction<List<JavaRDD<?>>, Time, JavaRDD<Object>> fn) {
        super(parents.get(0).ssc(), ClassTag$.MODULE$.AnyRef());
        this.parents = List.copyOf(parents);
        this.fn = fn;
    }

    @Override
    public Duration slideDuration() {
        return parents.get(0).slideDuration();
    }

    @Override
    public scala.collection.immutable.List<DStream<?>> dependencies() {
        return CollectionConverters.asScala(parents).toList();
    }

    @Override
    public Option<RDD<Object>> compute(Time validTime) {
        List<JavaRDD<?>> rdds = new ArrayList<>(parents.size());
        for (DStream<?> parent : parents) {
            Option<? extends RDD<?>> rdd = parent.getOrCompute(validTime);
            if (rdd.isEmpty()) {
                throw new IllegalStateException(
                        "no batch of a transform's parent at " + validTime + " to transform");
            }
            rdds.add(toJava(rdd.get()));
        }
        return Option.apply(fn.apply(rdds, validTime).rdd());
    }

    @SuppressWarnings("unchecked")
    private static JavaRDD<?> toJava(RDD<?> rdd) {
        return JavaRDD.fromRDD((RDD<Object>) rdd, ClassTag$.MODULE$.AnyRef());
    }
}
