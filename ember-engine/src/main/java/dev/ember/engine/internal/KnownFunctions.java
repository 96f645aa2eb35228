package dev.ember.engine.internal;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Recognises a few library functions behind user lambdas (method references such as {@code
 * Integer::sum}), so the shuffle can fold their values as primitives instead of allocating a box
 * per merge. Functions are serializable lambdas, whose {@code writeReplace} names the implementing
 * method; anything not recognised runs as written.
 */
final class KnownFunctions {
    enum Sum {
        INT,
        LONG,
        NONE
    }

    private KnownFunctions() {}

    static Sum sumOf(Object fn) {
        SerializedLambda lambda = serializedForm(fn);
        if (lambda == null) {
            return Sum.NONE;
        }
        String impl =
                lambda.getImplClass()
                        + "."
                        + lambda.getImplMethodName()
                        + lambda.getImplMethodSignature();
        return switch (impl) {
            case "java/lang/Integer.sum(II)I" -> Sum.INT;
            case "java/lang/Long.sum(JJ)J" -> Sum.LONG;
            default -> Sum.NONE;
        };
    }

    private static SerializedLambda serializedForm(Object fn) {
        try {
            Method m = fn.getClass().getDeclaredMethod("writeReplace");
            m.setAccessible(true);
            return m.invoke(fn) instanceof SerializedLambda s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
