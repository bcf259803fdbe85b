package fr.artisanat.convention;

import fr.artisanat.platform.testing.TestInstanceDefaults;

class TestInstanceDefaultsTest extends TestInstanceDefaults {
}
