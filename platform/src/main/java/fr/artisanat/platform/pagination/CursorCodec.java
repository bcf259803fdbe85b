package fr.artisanat.platform.pagination;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The opaque cursors of every list of the suite, in one place: a position as text parts joined by the list's
 * separator, in Base64url without padding. The separator stays each list's own (keyset pages {@code U+001F}, changes
 * feeds {@code .}, the establishment search {@code |}), so the cursors partners stored before this codec still decode.
 *
 * @param separator the character between the parts; a part must not contain it
 * @param foreign   why a cursor that is not Base64url is refused, e.g. {@link #NOT_RETURNED}
 */
public record CursorCodec(char separator, String foreign) {

    /**
     * Every cursor's characters: Base64url without padding. Declared in the documents, so that no valid cursor needs
     * percent-encoding and the longest fits the request line with the longest other parameters.
     */
    public static final String PATTERN = "^[A-Za-z0-9_-]+$";

    /** Why a cursor the API never handed out is refused. */
    public static final String NOT_RETURNED = "it is not a cursor this API returned";

    public String encode(List<?> parts) {
        String text = parts.stream().map(String::valueOf).collect(Collectors.joining(String.valueOf(separator)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The parts of a cursor, as many as it holds (empty ones kept): the list checks their number and values. */
    public List<String> decode(String cursor) {
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            return List.of(text.split(Pattern.quote(String.valueOf(separator)), -1));
        } catch (IllegalArgumentException e) {
            throw notOurs();
        }
    }

    /** The refusal of a cursor this list never handed out (also one that decodes to parts it cannot read). */
    public InvalidCursor notOurs() {
        return new InvalidCursor(foreign);
    }
}
