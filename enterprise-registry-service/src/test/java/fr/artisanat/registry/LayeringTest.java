package fr.artisanat.registry;

import java.util.List;

import fr.artisanat.platform.testing.LayeringContract;

class LayeringTest extends LayeringContract {

    @Override
    protected String rootPackage() {
        return "fr.artisanat.registry";
    }

    /** Until the layering work of issue 8 gives them read models of their own (they return EstablishmentView…). */
    @Override
    protected List<String> repositoriesKnownToNameTheApi() {
        return List.of("repository/EstablishmentQueries.java", "repository/StatisticsQueries.java");
    }
}
