package io.herald.adapter.metrics;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.herald.architecture.CoreRules;
import io.herald.architecture.EdgeRules;
import io.herald.architecture.HeraldClasses;

/** This adapter's classes checked against the rings, with the core it is built on. */
@AnalyzeClasses(packages = "io.herald", importOptions = HeraldClasses.class)
class MetricsArchitectureTest {
    @ArchTest
    static final ArchTests core = ArchTests.in(CoreRules.class);

    @ArchTest
    static final ArchTests edges = ArchTests.in(EdgeRules.class);
}
