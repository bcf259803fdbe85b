package fr.artisanat.registry.sirene;

/** A SIRENE file that cannot be read at all (no header, required columns missing); bad rows are reported per row. */
public final class SireneFormatException extends RuntimeException {

    public SireneFormatException(String message) {
        super(message);
    }
}
