package fr.artisanat.gateway.openapi;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

/** The suite's document as YAML (the committed form) or JSON; every YAML string quoted, so "26281" stays a string. */
final class DocumentFormats {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .disable(YAMLGenerator.Feature.SPLIT_LINES))
            .enable(SerializationFeature.INDENT_OUTPUT);

    private DocumentFormats() {
    }

    static String yaml(JsonNode document) throws JsonProcessingException {
        return YAML.writeValueAsString(document);
    }

    static String json(JsonNode document) throws JsonProcessingException {
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }
}
