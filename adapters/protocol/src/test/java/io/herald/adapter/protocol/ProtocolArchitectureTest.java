package io.herald.adapter.protocol;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.herald.architecture.CoreRules;
import io.herald.architecture.EdgeRules;
import io.herald.architecture.HeraldClasses;

/** The wire protocol is an adapter: it knows the use cases, never a server. */
@AnalyzeClasses(packages = "io.herald", importOptions = HeraldClasses.class)
class ProtocolArchitectureTest {
    @ArchTest
    static final ArchTests core = ArchTests.in(CoreRules.class);

    @ArchTest
    static final ArchTests edges = ArchTests.in(EdgeRules.class);
}
