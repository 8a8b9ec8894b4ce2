package ke.invoiceiq.bootstrap.architecture;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The dependency rule applied to the product: the production classes of every module on bootstrap's class path
 * (domain, application, the adapters, bootstrap itself), without tests and without the violation fixture.
 */
class DependencyRuleTest {

    static final String ROOT = "ke.invoiceiq";

    /** The deliberate violations of {@link ArchitectureRulesCanFailTest} are not part of the product. */
    static final class DoNotIncludeArchFixture implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/ke/invoiceiq/archfixture/");
        }
    }

    /** Test-jars on the class path (the shared port contracts, the test database) are tests too. */
    static final class DoNotIncludeTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    private static JavaClasses product;

    @BeforeAll
    static void importProduct() {
        product = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .withImportOption(new DoNotIncludeArchFixture())
                .withImportOption(new DoNotIncludeTestJars())
                .importPackages(ROOT);
    }

    /** A rule over an import that lost a module would pass for the wrong reason. */
    @Test
    void givenBootstrapsClassPath_whenImported_thenEveryModuleIsThere() {
        for (String module : List.of(".domain.", ".application.", ".adapters.memory.", ".adapters.postgres.",
                ".adapters.whatsapp.", ".adapters.daraja.", ".adapters.africastalking.", ".adapters.http.",
                ".adapters.sandbox.", ".bootstrap.")) {
            assertThat(product.stream().map(JavaClass::getName))
                    .as("production classes of %s", module)
                    .anyMatch(name -> name.startsWith(ROOT + module));
        }
        assertThat(product.stream().map(JavaClass::getName))
                .as("no test class, no fixture")
                .noneMatch(name -> name.endsWith("Test") || name.contains(".contract.")
                        || name.startsWith(ROOT + ".archfixture."));
    }

    @Test
    void domainDependsOnlyOnJava() {
        ArchitectureRules.domainDependsOnlyOnJava(ROOT).check(product);
    }

    @Test
    void applicationDependsOnlyOnDomain() {
        ArchitectureRules.applicationDependsOnlyOnDomain(ROOT).check(product);
    }

    @Test
    void adaptersDoNotDependOnEachOther() {
        ArchitectureRules.adaptersDoNotDependOnEachOther(ROOT).check(product);
    }

    @Test
    void nothingDependsOnBootstrap() {
        ArchitectureRules.nothingDependsOnBootstrap(ROOT).check(product);
    }

    @Test
    void noRandomMadeInStaticInitialisers() {
        ArchitectureRules.noRandomMadeInStaticInitialisers(ROOT).check(product);
    }
}
