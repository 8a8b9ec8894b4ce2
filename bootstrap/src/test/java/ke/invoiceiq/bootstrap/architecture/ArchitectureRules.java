package ke.invoiceiq.bootstrap.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaConstructorCall;
import com.tngtech.archunit.core.domain.JavaStaticInitializer;
import com.tngtech.archunit.lang.ArchRule;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * The dependency rule of docs/architecture.md (domain ← application ← adapters ← bootstrap), as ArchUnit rules over a
 * root package. Taking the root as a parameter lets {@code DependencyRuleTest} apply them to the product
 * ({@code ke.invoiceiq}) and {@code ArchitectureRulesCanFailTest} to a fixture of deliberate violations
 * ({@code ke.invoiceiq.archfixture}), which proves that each rule can fail.
 *
 * <p>No rule allows an empty "should": every layer named here exists, so a rule that matches no class means the
 * packages moved and the rule silently stopped checking anything — that must fail, not pass.
 */
final class ArchitectureRules {

    private ArchitectureRules() {
    }

    /** The domain is pure Java: it uses the JDK's {@code java..} packages and itself, nothing else. */
    static ArchRule domainDependsOnlyOnJava(String root) {
        return classes().that().resideInAPackage(root + ".domain..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", root + ".domain..")
                .as("the domain depends only on java.. and itself")
                .because("the domain is pure Java 21: no framework, no annotations from outside the JDK (docs/architecture.md)");
    }

    /** The use cases know the domain and the JDK; no CDI, no jakarta, no adapter. */
    static ArchRule applicationDependsOnlyOnDomain(String root) {
        return classes().that().resideInAPackage(root + ".application..")
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage("java..", root + ".domain..", root + ".application..")
                .as("the application depends only on java.., the domain and itself")
                .because("use cases orchestrate the domain through ports, with no framework (docs/architecture.md)");
    }

    /** Each {@code root.adapters.<name>} package is a slice; no slice may use another. */
    static ArchRule adaptersDoNotDependOnEachOther(String root) {
        return slices().matching(root + ".adapters.(*)..")
                .should().notDependOnEachOther()
                .as("no adapter depends on another adapter")
                .because("adapters meet only in the ports of the core and in bootstrap (docs/architecture.md)");
    }

    /**
     * No static initialiser makes a {@link Random} or {@link SplittableRandom} ({@code SecureRandom} included). The
     * native image runs every static initialiser while it is built (Quarkus initialises classes at build time), so
     * such an object would be frozen into the image with its build-time seed: GraalVM refuses to build it, and the
     * build that says so is not one these machines can run. Make it on first use or in a bean instead.
     */
    static ArchRule noRandomMadeInStaticInitialisers(String root) {
        return noClasses().that().resideInAPackage(root + "..")
                .should().callConstructorWhere(madeInAStaticInitialiser())
                .as("no static initialiser makes a java.util.Random or SplittableRandom (SecureRandom included)")
                .because("a native image runs static initialisers at build time and would freeze the seed into the "
                        + "image (GraalVM: \"Detected an instance of Random/SplittableRandom class in the image heap\")");
    }

    private static DescribedPredicate<JavaConstructorCall> madeInAStaticInitialiser() {
        return DescribedPredicate.describe("a Random or SplittableRandom is made in a static initialiser",
                call -> call.getOrigin() instanceof JavaStaticInitializer
                        && (call.getTargetOwner().isAssignableTo(Random.class)
                                || call.getTargetOwner().isAssignableTo(SplittableRandom.class)));
    }

    /** Bootstrap knows every module; no module knows bootstrap. */
    static ArchRule nothingDependsOnBootstrap(String root) {
        return noClasses().that().resideOutsideOfPackage(root + ".bootstrap..")
                .should().dependOnClassesThat().resideInAPackage(root + ".bootstrap..")
                .as("nothing outside bootstrap depends on bootstrap")
                .because("bootstrap is the outermost ring: it wires the others and is wired by nobody (docs/architecture.md)");
    }
}
