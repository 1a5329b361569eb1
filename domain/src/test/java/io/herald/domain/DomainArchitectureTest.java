package io.herald.domain;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** The domain is the innermost ring: if it imports anything but the JDK, every shape inherits that dependency. */
@AnalyzeClasses(packages = "io.herald.domain", importOptions = ImportOption.DoNotIncludeTests.class)
class DomainArchitectureTest {

    @ArchTest
    static final ArchRule domain_depends_on_the_jdk_only = classes()
            .that().resideInAPackage("io.herald.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.herald.domain..")
            .because("the domain is framework-free (README: Boundaries)");
}
