package dev.ember.engine.internal.batch;

import java.lang.invoke.SerializedLambda;
import java.lang.reflect.Method;

/**
 * Recognises sums behind user lambdas ({@code Integer::sum}, {@code Long::sum}, {@code (a, b) -> a
 * + b}), so the shuffle can fold their values as primitives instead of allocating a box per merge.
 * Functions are serializable lambdas, whose {@code writeReplace} names the implementing method; a
 * method reference is recognised by name, a lambda body by its bytecode ({@link SumLambdaReader}).
 * Anything not recognised runs as written.
 */
public final class KnownFunctions {
    public enum Sum {
        INT,
        LONG,
        NONE
    }

    /**
     * One lambda class per lambda expression, so the answer is cached per class; the cell is filled
     * from the first instance seen (a benign race: every thread computes the same value).
     */
    private static final ClassValue<Sum[]> CACHE =
            new ClassValue<>() {
                @Override
                protected Sum[] computeValue(Class<?> type) {
                    return new Sum[1];
                }
            };

    private KnownFunctions() {}

    public static Sum sumOf(Object fn) {
        Sum[] cell = CACHE.get(fn.getClass());
        Sum sum = cell[0];
        if (sum == null) {
            sum = compute(fn);
            cell[0] = sum;
        }
        return sum;
    }

    private static Sum compute(Object fn) {
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
            default ->
                    lambda.getCapturedArgCount() == 0
                                    && lambda.getImplMethodName().startsWith("lambda$")
                            ? SumLambdaReader.read(
                                    fn.getClass().getClassLoader(),
                                    lambda.getImplClass(),
                                    lambda.getImplMethodName(),
                                    lambda.getImplMethodSignature())
                            : Sum.NONE;
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
