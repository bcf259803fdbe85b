package fr.artisanat.platform.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.constraints.Size;

/**
 * {@link Size} of a String counted in characters (Unicode code points), as the documents' {@code minLength} and
 * {@code maxLength} count them (JSON Schema), not in UTF-16 units as Hibernate Validator's own: a name of 200
 * characters some of which lie outside the Basic Multilingual Plane (an emoji, a rare CJK ideograph) is valid by the
 * document and must be by the server.
 */
public class SizeInCharacters implements ConstraintValidator<Size, String> {

    private int min;
    private int max;

    @Override
    public void initialize(Size size) {
        min = size.min();
        max = size.max();
    }

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
        if (value == null) {
            return true;
        }
        int characters = value.codePointCount(0, value.length());
        return characters >= min && characters <= max;
    }
}
