package dev.ember.bench;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.members;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.domain.JavaTypeVariable;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The boundary between public and internal packages, checked over every Ember module, main code
 * only. It lives in ember-bench, the module built last, whose test classpath holds all the others.
 */
class ArchitectureTest {
    private static final String INTERNAL = "..internal..";
    private static final String[] API_PACKAGES = {"dev.ember.streaming..", "dev.ember.spi.."};

    private static final JavaClasses EMBER =
            new ClassFileImporter()
                    .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                    .importPackages("dev.ember");

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ember-api",
                "ember-engine",
                "ember-test",
                "ember-spark",
                "ember-sql",
                "ember-social",
                "ember-ui",
                "ember-examples",
                "ember-cli",
                "ember-bench"
            })
    void checksTheClassesOfEveryModule(String module) {
        assertTrue(
                EMBER.stream().anyMatch(c -> comesFrom(c, module)),
                "no class of " + module + " was imported: the rules below would pass vacuously");
    }

    @Test
    void noModuleUsesTheInternalPackagesOfAnother() {
        classes()
                .should(dependOnlyOnTheInternalsOfTheirOwnModule())
                .because(
                        "users may import only public packages, and a module may call its own"
                                + " implementation but no other module's")
                .check(EMBER);
    }

    @Test
    void publicSignaturesDoNotExposeInternalOrEngineTypes() {
        members()
                .that(arePartOfThePublicApi())
                .should(notMentionHiddenTypes())
                .because(
                        "a user who calls a public member must not need an internal type, nor one of"
                                + " the libraries behind the API (DuckDB, Jackson, Jetty,"
                                + " Prometheus), which another"
                                + " runner may replace")
                .check(EMBER);
    }

    @Test
    void publicClassesDoNotExtendInternalOrEngineTypes() {
        classes()
                .that(areVisibleOutsideInternalPackages())
                .should(notExtendHiddenTypes())
                .because("a public class's supertypes are part of its signature")
                .check(EMBER);
    }

    @Test
    void theApiDependsOnlyOnTheJdk() {
        classes()
                .that()
                .resideInAnyPackage(API_PACKAGES)
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(concat(API_PACKAGES, "java.."))
                .because("ember-api is what people embed, so it brings no dependency along")
                .check(EMBER);
    }

    /**
     * A class of {@code dev.ember.<m>...} may use {@code dev.ember.<m>.internal...} (its own
     * module's implementation) and no other internal package; ember-api's two roots, {@code
     * dev.ember.streaming} and {@code dev.ember.spi}, share {@code dev.ember.streaming.internal}.
     */
    private static ArchCondition<JavaClass> dependOnlyOnTheInternalsOfTheirOwnModule() {
        return new ArchCondition<>("depend only on the internal packages of their own module") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                String own = moduleRoot(javaClass.getPackageName()) + ".internal";
                for (Dependency dependency : javaClass.getDirectDependenciesFromSelf()) {
                    String target = dependency.getTargetClass().getPackageName();
                    if (target.matches(".*\\binternal\\b.*")
                            && !(target.equals(own) || target.startsWith(own + "."))) {
                        events.add(
                                SimpleConditionEvent.violated(
                                        dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    /** {@code dev.ember.social} for {@code dev.ember.social} and its sub-packages. */
    private static String moduleRoot(String packageName) {
        String[] parts = packageName.split("\\.");
        String root =
                parts.length < 3 ? packageName : String.join(".", parts[0], parts[1], parts[2]);
        // ember-api holds two public roots, the user API and the SPI, with one internal package.
        return root.equals("dev.ember.spi") ? "dev.ember.streaming" : root;
    }

    private static boolean comesFrom(JavaClass javaClass, String module) {
        return javaClass.getSource().map(s -> s.getUri().toString().contains(module)).orElse(false);
    }

    private static DescribedPredicate<JavaMember> arePartOfThePublicApi() {
        return DescribedPredicate.describe(
                "are public or protected members of public classes outside internal packages",
                member ->
                        isVisibleOutsideItsPackage(member.getOwner())
                                && !member.getOwner().getPackageName().matches(".*\\binternal\\b.*")
                                && (member.getModifiers().contains(JavaModifier.PUBLIC)
                                        || member.getModifiers().contains(JavaModifier.PROTECTED)));
    }

    private static boolean isVisibleOutsideItsPackage(JavaClass javaClass) {
        Set<JavaModifier> modifiers = javaClass.getModifiers();
        if (!modifiers.contains(JavaModifier.PUBLIC)
                && !modifiers.contains(JavaModifier.PROTECTED)) {
            return false;
        }
        Optional<JavaClass> enclosing = javaClass.getEnclosingClass();
        return enclosing.isEmpty() || isVisibleOutsideItsPackage(enclosing.get());
    }

    /** An internal type, or one of a library that only an implementation may use. */
    private static boolean isHidden(JavaClass type) {
        String name = type.getPackageName();
        return name.matches(".*\\binternal\\b.*")
                || name.startsWith("org.duckdb")
                || name.startsWith("org.apache.spark")
                || name.startsWith("scala")
                || name.startsWith("tools.jackson")
                || name.startsWith("org.eclipse.jetty")
                || name.startsWith("io.prometheus")
                || name.startsWith("com.fasterxml.jackson");
    }

    private static ArchCondition<JavaMember> notMentionHiddenTypes() {
        return new ArchCondition<>("not mention internal or engine types in their signatures") {
            @Override
            public void check(JavaMember member, ConditionEvents events) {
                for (JavaClass type : signatureTypes(member)) {
                    if (isHidden(type)) {
                        events.add(
                                SimpleConditionEvent.violated(
                                        member,
                                        member.getFullName()
                                                + " exposes the type "
                                                + type.getName()));
                    }
                }
            }
        };
    }

    private static DescribedPredicate<JavaClass> areVisibleOutsideInternalPackages() {
        return DescribedPredicate.describe(
                "are public classes outside internal packages",
                c -> isVisibleOutsideItsPackage(c) && !isHidden(c));
    }

    private static ArchCondition<JavaClass> notExtendHiddenTypes() {
        return new ArchCondition<>("not extend or implement internal or engine types") {
            @Override
            public void check(JavaClass javaClass, ConditionEvents events) {
                List<JavaClass> supertypes = new ArrayList<>();
                javaClass.getRawSuperclass().ifPresent(supertypes::add);
                supertypes.addAll(javaClass.getRawInterfaces());
                for (JavaClass type : supertypes) {
                    if (isHidden(type)) {
                        events.add(
                                SimpleConditionEvent.violated(
                                        javaClass,
                                        javaClass.getName()
                                                + " extends the type "
                                                + type.getName()));
                    }
                }
            }
        };
    }

    private static Set<JavaClass> signatureTypes(JavaMember member) {
        Set<JavaClass> types = new LinkedHashSet<>();
        if (member instanceof JavaField field) {
            types.addAll(field.getType().getAllInvolvedRawTypes());
        }
        if (member instanceof JavaCodeUnit codeUnit) {
            types.addAll(codeUnit.getReturnType().getAllInvolvedRawTypes());
            for (JavaType parameter : codeUnit.getParameterTypes()) {
                types.addAll(parameter.getAllInvolvedRawTypes());
            }
            for (JavaClass thrown : codeUnit.getThrowsClause().getTypes()) {
                types.add(thrown);
            }
            for (JavaTypeVariable<?> variable : codeUnit.getTypeParameters()) {
                types.addAll(variable.getAllInvolvedRawTypes());
            }
        }
        return types;
    }

    private static String[] concat(String[] packages, String... more) {
        List<String> all = new ArrayList<>(List.of(packages));
        all.addAll(List.of(more));
        return all.toArray(String[]::new);
    }
}
