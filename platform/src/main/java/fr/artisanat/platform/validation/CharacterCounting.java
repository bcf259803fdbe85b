package fr.artisanat.platform.validation;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Size;

import org.hibernate.validator.BaseHibernateValidatorConfiguration;

import io.quarkus.hibernate.validator.ValidatorFactoryCustomizer;

/**
 * Every service validates {@code @Size} on Strings with {@link SizeInCharacters}. The String validator is more
 * specific than Hibernate Validator's CharSequence one, so it is the one chosen; collections, arrays and maps keep the
 * built-in validators.
 */
@ApplicationScoped
public class CharacterCounting implements ValidatorFactoryCustomizer {

    @Override
    public void customize(BaseHibernateValidatorConfiguration<?> configuration) {
        var mapping = configuration.createConstraintMapping();
        mapping.constraintDefinition(Size.class).includeExistingValidators(true).validatedBy(SizeInCharacters.class);
        configuration.addMapping(mapping);
    }
}
