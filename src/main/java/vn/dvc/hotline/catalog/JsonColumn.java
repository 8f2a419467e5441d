package vn.dvc.hotline.catalog;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import jakarta.persistence.AttributeConverter;

/**
 * Lists kept in {@code jsonb} columns. Hibernate Reactive decodes JSON columns only into objects, not arrays, so the
 * entities read the column as text ({@code @ColumnTransformer(read = "col::text", write = "?::text::jsonb")}: a bare {@code ?::jsonb} makes the reactive client send the text as one JSON string) and these
 * converters turn that text into typed lists. Immutable; thread-safe.
 */
final class JsonColumn {

    private static final ObjectMapper MAPPER = new ObjectMapper().registerModule(new JavaTimeModule());

    private JsonColumn() {
    }

    static <T> String write(List<T> value) {
        try {
            return MAPPER.writeValueAsString(value == null ? List.of() : value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Cannot write a JSON column", e);
        }
    }

    static <T> List<T> read(String json, TypeReference<List<T>> type) {
        if (json == null || json.isBlank()) {
            return List.of();
        }
        try {
            return MAPPER.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A JSON column holds something else than expected: " + e.getMessage(), e);
        }
    }

    /** {@code procedure.documents}. */
    static final class Documents implements AttributeConverter<List<ProcedureDocument>, String> {
        private static final TypeReference<List<ProcedureDocument>> TYPE = new TypeReference<>() { };

        @Override
        public String convertToDatabaseColumn(List<ProcedureDocument> value) {
            return write(value);
        }

        @Override
        public List<ProcedureDocument> convertToEntityAttribute(String json) {
            return read(json, TYPE);
        }
    }

    /** {@code procedure.steps}. */
    static final class Texts implements AttributeConverter<List<String>, String> {
        private static final TypeReference<List<String>> TYPE = new TypeReference<>() { };

        @Override
        public String convertToDatabaseColumn(List<String> value) {
            return write(value);
        }

        @Override
        public List<String> convertToEntityAttribute(String json) {
            return read(json, TYPE);
        }
    }

    /** {@code agency.opening_hours}. */
    static final class Hours implements AttributeConverter<List<OpeningHours>, String> {
        private static final TypeReference<List<OpeningHours>> TYPE = new TypeReference<>() { };

        @Override
        public String convertToDatabaseColumn(List<OpeningHours> value) {
            return write(value);
        }

        @Override
        public List<OpeningHours> convertToEntityAttribute(String json) {
            return read(json, TYPE);
        }
    }
}
