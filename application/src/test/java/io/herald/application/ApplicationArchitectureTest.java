package io.herald.application;

import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;
import io.herald.architecture.CoreRules;
import io.herald.architecture.HeraldClasses;

/** The core rings checked where they are built, before any adapter exists. */
@AnalyzeClasses(packages = "io.herald", importOptions = HeraldClasses.class)
class ApplicationArchitectureTest {
    @ArchTest
    static final ArchTests core = ArchTests.in(CoreRules.class);
}
