package io.herald.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * Imports Herald's production classes only: test classes of the module under test and the shared test-support
 * jar (fakes, contract suites, these rules) are not part of any shape and must not be judged as if they were.
 */
public final class HeraldClasses implements ImportOption {
    @Override
    public boolean includes(Location location) {
        return new DoNotIncludeTests().includes(location) && !location.contains("-tests.jar");
    }
}
