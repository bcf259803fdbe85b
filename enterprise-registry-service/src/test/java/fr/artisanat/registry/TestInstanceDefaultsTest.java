package fr.artisanat.registry;

import fr.artisanat.platform.testing.TestInstanceDefaults;

class TestInstanceDefaultsTest extends TestInstanceDefaults {
}
