package io.herald.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The server artifact carries no Lambda runtime (README: Boundaries); the Maven enforcer bans the jars, this bans the code. */
public final class ServerShapeRules {
    private ServerShapeRules() {
    }

    @ArchTest
    public static final ArchRule the_server_shape_has_no_lambda_runtime = noClasses()
            .that().resideInAnyPackage("io.herald..")
            .should().dependOnClassesThat().resideInAnyPackage("com.amazonaws.services.lambda..",
                    "io.micronaut.function.aws..")
            .because("the container shape must start without any AWS Lambda runtime");
}
