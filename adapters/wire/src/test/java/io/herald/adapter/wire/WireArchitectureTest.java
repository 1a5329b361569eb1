package io.herald.adapter.wire;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.herald.architecture.CoreRules;
import io.herald.architecture.EdgeRules;
import io.herald.architecture.HeraldClasses;

/** The wire helpers are shared by every adapter that speaks JSON, so they know the domain and Jackson only. */
@AnalyzeClasses(packages = "io.herald", importOptions = HeraldClasses.class)
class WireArchitectureTest {
    @ArchTest
    static final ArchTests core = ArchTests.in(CoreRules.class);

    @ArchTest
    static final ArchTests edges = ArchTests.in(EdgeRules.class);
}
