package ke.invoiceiq.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules}, applied to the fixture root {@code ke.invoiceiq.archfixture}, fails
 * and names the class that breaks it, and leaves the compliant fixture classes alone. Without this, a rule
 * with a typo in a package name would pass forever.
 */
class ArchitectureRulesCanFailTest {

    static final String FIXTURE = "ke.invoiceiq.archfixture";

    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
        assertThat(fixture.stream().map(c -> c.getSimpleName()))
                .contains("BadDomain", "UsesBootstrap", "BadService", "A", "B", "X", "Wiring", "StaticRandom",
                        "LazyRandom");
    }

    @Test
    void givenADomainClassWithAJakartaAnnotation_whenDomainRuleChecked_thenItFailsNamingTheClass() {
        assertViolation(ArchitectureRules.domainDependsOnlyOnJava(FIXTURE),
                FIXTURE + ".domain.BadDomain", "jakarta.enterprise.context.ApplicationScoped");
        assertNotBlamed(ArchitectureRules.domainDependsOnlyOnJava(FIXTURE), "GoodDomain");
    }

    @Test
    void givenAServiceUsingAnAdapter_whenApplicationRuleChecked_thenItFailsNamingTheClass() {
        assertViolation(ArchitectureRules.applicationDependsOnlyOnDomain(FIXTURE),
                FIXTURE + ".application.BadService", FIXTURE + ".adapters.x.X");
        assertNotBlamed(ArchitectureRules.applicationDependsOnlyOnDomain(FIXTURE), "GoodService");
    }

    @Test
    void givenAdapterAUsingAdapterB_whenAdapterRuleChecked_thenItFailsNamingBoth() {
        assertViolation(ArchitectureRules.adaptersDoNotDependOnEachOther(FIXTURE),
                FIXTURE + ".adapters.a.A", FIXTURE + ".adapters.b.B");
    }

    @Test
    void givenADomainClassUsingBootstrap_whenBootstrapRuleChecked_thenItFailsNamingTheClass() {
        assertViolation(ArchitectureRules.nothingDependsOnBootstrap(FIXTURE),
                FIXTURE + ".domain.UsesBootstrap", FIXTURE + ".bootstrap.Wiring");
    }

    @Test
    void givenAStaticSecureRandom_whenNativeImageRuleChecked_thenItFailsNamingTheClassButNotTheLazyOne() {
        assertViolation(ArchitectureRules.noRandomMadeInStaticInitialisers(FIXTURE),
                FIXTURE + ".nativeimage.StaticRandom", "java.security.SecureRandom");
        assertNotBlamed(ArchitectureRules.noRandomMadeInStaticInitialisers(FIXTURE), "LazyRandom");
    }

    private static void assertViolation(ArchRule rule, String violator, String target) {
        assertThatThrownBy(() -> rule.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(rule.getDescription())
                .hasMessageContaining(violator)
                .hasMessageContaining(target);
    }

    private static void assertNotBlamed(ArchRule rule, String compliant) {
        assertThatThrownBy(() -> rule.check(fixture))
                .isInstanceOf(AssertionError.class)
                .hasMessageNotContaining(compliant);
    }
}
