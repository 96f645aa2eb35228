package dev.ember.social;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** No public signature of the post sources' public classes mentions an internal type. */
class PublicApiTest {

    @Test
    void publicSignaturesMentionNoInternalType() {
        List<String> leaks = new ArrayList<>();
        for (Class<?> type :
                List.of(
                        PostSources.class,
                        PostSources.BlueskyBuilder.class,
                        PostSources.XBuilder.class,
                        PostSources.MastodonBuilder.class,
                        PostSources.ReplayBuilder.class,
                        PostJsonLines.class)) {
            for (Method m : type.getDeclaredMethods()) {
                if (Modifier.isPublic(m.getModifiers())
                        && m.toGenericString().contains(".internal.")) {
                    leaks.add(m.toGenericString());
                }
            }
            for (Constructor<?> c : type.getDeclaredConstructors()) {
                if (Modifier.isPublic(c.getModifiers())
                        && c.toGenericString().contains(".internal.")) {
                    leaks.add(c.toGenericString());
                }
            }
            for (Field f : type.getDeclaredFields()) {
                if (Modifier.isPublic(f.getModifiers())
                        && f.toGenericString().contains(".internal.")) {
                    leaks.add(f.toGenericString());
                }
            }
        }

        assertEquals(List.of(), leaks);
    }
}
