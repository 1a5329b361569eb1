package io.herald.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * What each bootstrap may hold (README: Boundaries): wiring, configuration and packaging. Rules are decided by the domain
 * and the use cases, so a bootstrap neither evaluates a policy nor fulfils a port itself.
 */
public final class BootstrapRules {
    private static final String[] BOOTSTRAPS = {"io.herald.lambda..", "io.herald.server.."};

    private BootstrapRules() {
    }

    @ArchTest
    public static final ArchRule bootstraps_do_not_evaluate_business_rules = noClasses()
            .that().resideInAnyPackage(BOOTSTRAPS)
            .should().dependOnClassesThat().haveFullyQualifiedName("io.herald.domain.MessagePolicy")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.herald.domain.CooldownPolicy")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.herald.domain.ArrivalCondition")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.herald.domain.FallbackText")
            .orShould().dependOnClassesThat().haveFullyQualifiedName("io.herald.domain.Decision")
            .because("business rules live in the domain and are applied by use cases, never by wiring");

    @ArchTest
    public static final ArchRule bootstraps_do_not_implement_ports = noClasses()
            .that().resideInAnyPackage(BOOTSTRAPS)
            .should().implement(com.tngtech.archunit.base.DescribedPredicate.describe(
                    "an application port", (com.tngtech.archunit.core.domain.JavaClass c) ->
                            c.getPackageName().equals("io.herald.application.port") && c.isInterface()))
            .because("ports are fulfilled by adapters, which both shapes can reuse and test on their own");
}
