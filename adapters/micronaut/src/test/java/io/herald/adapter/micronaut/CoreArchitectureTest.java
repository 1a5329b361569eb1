package io.herald.adapter.micronaut;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.herald.architecture.CoreRules;
import io.herald.architecture.EdgeRules;
import io.herald.architecture.HeraldClasses;

/** The shared wiring stays an adapter like any other: it depends on the core, never on another adapter. */
@AnalyzeClasses(packages = "io.herald", importOptions = HeraldClasses.class)
class CoreArchitectureTest {
    @ArchTest
    static final ArchTests core = ArchTests.in(CoreRules.class);

    @ArchTest
    static final ArchTests edges = ArchTests.in(EdgeRules.class);
}
