package io.herald.lambda;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.herald.architecture.BootstrapRules;
import io.herald.architecture.CoreRules;
import io.herald.architecture.EdgeRules;
import io.herald.architecture.HeraldClasses;
import io.herald.architecture.LambdaShapeRules;

/** Every class the Lambda shape ships, checked against every rule that concerns it. */
@AnalyzeClasses(packages = "io.herald", importOptions = HeraldClasses.class)
class LambdaArchitectureTest {
    @ArchTest
    static final ArchTests core = ArchTests.in(CoreRules.class);

    @ArchTest
    static final ArchTests edges = ArchTests.in(EdgeRules.class);

    @ArchTest
    static final ArchTests bootstraps = ArchTests.in(BootstrapRules.class);

    @ArchTest
    static final ArchTests shape = ArchTests.in(LambdaShapeRules.class);
}
