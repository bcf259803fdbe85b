package fr.artisanat.registry;

import fr.artisanat.platform.testing.LayeringContract;

class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "fr.artisanat.registry";
    }
}
