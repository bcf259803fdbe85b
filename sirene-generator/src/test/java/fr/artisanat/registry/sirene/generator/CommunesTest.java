package fr.artisanat.registry.sirene.generator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class CommunesTest {

    @Test
    void labelsAreWrittenAsSireneDoes() {
        assertEquals("BOURG-LES-VALENCE", Communes.sireneLabel("Bourg-lès-Valence"));
        assertEquals("L'HAY-LES-ROSES", Communes.sireneLabel("L'Haÿ-les-Roses"));
        assertEquals("MONTAUBAN-DE-BRETAGNE", Communes.sireneLabel("Montauban-de-Bretagne\u00A0"));
        assertEquals("SAINT-OEN", Communes.sireneLabel("Saint-Œn"));
    }

    @Test
    void postalCodesStartWithTheDepartmentAndStayTheSameForACommune() {
        assertTrue(Communes.postalCode("13005").matches("13\\d{3}"));
        assertTrue(Communes.postalCode("2A004").matches("20\\d{3}"));
        assertTrue(Communes.postalCode("97411").matches("974\\d{2}"));
        assertEquals(Communes.postalCode("26362"), Communes.postalCode("26362"));
    }

    @Test
    void communeCodesMustBeInseeCodes() {
        assertThrows(IllegalArgumentException.class, () -> Communes.of(List.of("1300"), Map.of("1300", "Nowhere")));
    }
}
