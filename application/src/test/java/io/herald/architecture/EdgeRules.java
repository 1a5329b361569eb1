package io.herald.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

/** The outer ring (README: Boundaries): adapters stand side by side, and nothing leans on a bootstrap. */
public final class EdgeRules {
    private static final String ADAPTERS = "io.herald.adapter.";

    private EdgeRules() {
    }

    @ArchTest
    public static final ArchRule adapters_do_not_depend_on_other_adapters = classes()
            .that().resideInAPackage("io.herald.adapter..")
            .should(onlyUseTheirOwnAdapter())
            .because("each adapter depends on application ports only; websocket may use protocol, the shared wire "
                    + "format, and any adapter may use wire, the JSON that the HTTP API, the protocol and EventBridge share");

    @ArchTest
    public static final ArchRule the_wire_helpers_know_only_the_domain_and_json = classes()
            .that().resideInAPackage("io.herald.adapter.wire..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.herald.domain..",
                    "io.herald.adapter.wire..", "com.fasterxml.jackson..")
            .because("every adapter may use them, so they must bring no framework, port or use case along: a helper "
                    + "that knew Micronaut or a port would be a back door from one adapter into another's concerns")
            // A module that does not use wire has none of its classes to check; wire's own module always does.
            .allowEmptyShould(true);

    @ArchTest
    public static final ArchRule nothing_depends_on_the_lambda_bootstrap = noClasses()
            .that().resideOutsideOfPackage("io.herald.lambda..")
            .should().dependOnClassesThat().resideInAPackage("io.herald.lambda..")
            .because("a bootstrap is wiring and packaging; nothing may need it");

    @ArchTest
    public static final ArchRule nothing_depends_on_the_server_bootstrap = noClasses()
            .that().resideOutsideOfPackage("io.herald.server..")
            .should().dependOnClassesThat().resideInAPackage("io.herald.server..")
            .because("a bootstrap is wiring and packaging; nothing may need it");

    private static ArchCondition<JavaClass> onlyUseTheirOwnAdapter() {
        return new ArchCondition<>("depend on no other adapter than their own (websocket may use protocol, any may use wire)") {
            @Override
            public void check(JavaClass origin, ConditionEvents events) {
                Optional<String> own = adapterOf(origin.getPackageName());
                for (Dependency dependency : origin.getDirectDependenciesFromSelf()) {
                    Optional<String> target = adapterOf(dependency.getTargetClass().getPackageName());
                    if (target.isPresent() && !target.equals(own) && !isShared(own, target.get())) {
                        events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                    }
                }
            }
        };
    }

    private static boolean isShared(Optional<String> origin, String target) {
        return origin.equals(Optional.of("websocket")) && target.equals("protocol") || target.equals("wire");
    }

    static Optional<String> adapterOf(String packageName) {
        if (!packageName.startsWith(ADAPTERS)) {
            return Optional.empty();
        }
        String rest = packageName.substring(ADAPTERS.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }
}
