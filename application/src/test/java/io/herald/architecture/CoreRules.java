package io.herald.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;

/** The rings at the centre (README: Boundaries): the domain and the application depend on nothing but the JDK and inward. */
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
    public static final ArchRule every_port_is_needed_by_a_use_case = classes()
            .that().resideInAPackage("io.herald.application.port")
            .and().areTopLevelClasses()
            .and().areInterfaces()
            .should(new ArchCondition<>("be used by a use case") {
                @Override
                public void check(JavaClass port, ConditionEvents events) {
                    // A sealed answer is used through its cases (EventClaim.Granted…), so those count too.
                    boolean used = java.util.stream.Stream.concat(java.util.stream.Stream.of(port),
                                    port.getAllSubclasses().stream())
                            .flatMap(c -> c.getDirectDependenciesToSelf().stream())
                            .anyMatch(d -> d.getOriginClass().getPackageName().equals("io.herald.application"));
                    if (!used) {
                        events.add(SimpleConditionEvent.violated(port, port.getName() + " is used by no use case"));
                    }
                }
            })
            .because("a port is what a use case needs from outside; a contract only adapters share belongs in spi");

    @ArchTest
    public static final ArchRule use_cases_do_not_reach_the_contracts_between_adapters = noClasses()
            .that().resideInAnyPackage("io.herald.application", "io.herald.application.port")
            .should().dependOnClassesThat().resideInAPackage("io.herald.application.spi")
            .because("spi holds what one adapter offers another; a use case that needed it would make it a port")
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule herald_modules_are_free_of_cycles = slices()
            .matching("io.herald.(*)..")
            .should().beFreeOfCycles()
            .because("a cycle between rings would make the inner one depend on the outer");
}
