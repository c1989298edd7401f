package io.github.mqjssandbox.internal;

import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.cfg.MapperConfig;
import com.fasterxml.jackson.databind.jsontype.PolymorphicTypeValidator;

/**
 * Refuses every polymorphic type: no base type may take a class name from the JSON, and no
 * subtype is ever allowed. Jackson asks this whenever a type uses class-name type ids
 * ({@code @JsonTypeInfo(use = CLASS)} or {@code MINIMAL_CLASS}, on a class or a property), so
 * a script can never choose which Java class is instantiated, not even among the host's own.
 */
final class DenyAllPolymorphicTypes extends PolymorphicTypeValidator.Base {
    private static final long serialVersionUID = 1L;

    static final DenyAllPolymorphicTypes INSTANCE = new DenyAllPolymorphicTypes();

    private DenyAllPolymorphicTypes() {}

    @Override
    public Validity validateBaseType(MapperConfig<?> config, JavaType baseType) {
        return Validity.DENIED;
    }

    @Override
    public Validity validateSubClassName(MapperConfig<?> config, JavaType baseType, String subClassName) {
        return Validity.DENIED;
    }

    @Override
    public Validity validateSubType(MapperConfig<?> config, JavaType baseType, JavaType subType) {
        return Validity.DENIED;
    }
}
