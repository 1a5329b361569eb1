package io.herald.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The rings at the centre (DESIGN §1): the domain and the application depend on nothing but the JDK and inward. */
public final class CoreRules {
    private CoreRules() {
    }

    @ArchTest
    public static final ArchRule domain_depends_on_the_jdk_only = classes()
            .that().resideInAPackage("io.herald.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.herald.domain..")
            .because("the domain is framework-free, so both shapes and every test can use it as it is");

    @ArchTest
    public static final ArchRule application_depends_on_the_jdk_and_the_domain_only = classes()
            .that().resideInAPackage("io.herald.application..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.herald.domain..", "io.herald.application..")
            .because("use cases and ports carry no Micronaut, jakarta, AWS or Jackson; adapters bring those");

    @ArchTest
    public static final ArchRule use_cases_are_final_plain_classes = classes()
            .that().resideInAPackage("io.herald.application")
            .and().areTopLevelClasses()
            .and().areNotInterfaces()
            .and().areNotRecords()
            .and().areNotEnums()
            .should().haveModifier(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
            .andShould().notBeAnnotatedWith(DescribedPredicate.describe("any annotation", a -> true))
            .because("use cases are plain classes wired by the edges' factories, not framework beans");

    @ArchTest
    public static final ArchRule ports_are_interfaces_or_values = classes()
            .that().resideInAPackage("io.herald.application.port")
            .and().areTopLevelClasses()
            .should().beInterfaces().orShould().beRecords().orShould().beEnums()
            .because("a port is a contract an adapter fulfils, plus the values that cross it");

    @ArchTest
    public static final ArchRule herald_modules_are_free_of_cycles = slices()
            .matching("io.herald.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle between rings would make the inner one depend on the outer");
}
