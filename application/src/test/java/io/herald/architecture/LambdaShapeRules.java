package io.herald.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The Lambda artifact carries no Netty server and no DynamoDB Local (README: Boundaries); the enforcer bans the jars too. */
public final class LambdaShapeRules {
    private LambdaShapeRules() {
    }

    @ArchTest
    public static final ArchRule the_lambda_shape_has_no_netty_server_or_dynamodb_local = noClasses()
            .that().resideInAnyPackage("io.herald..")
            .should().dependOnClassesThat().resideInAnyPackage("io.micronaut.http.server.netty..",
                    "io.netty.bootstrap..", "com.amazonaws.services.dynamodbv2.local..")
            .because("API Gateway is the Lambda shape's server and DynamoDB is its store");
}
